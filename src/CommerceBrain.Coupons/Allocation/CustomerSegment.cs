namespace CommerceBrain.Coupons.Allocation;

/// <summary>A customer's lifecycle segment, as the conversion model sees it.</summary>
public enum CustomerSegment
{
    /// <summary>No order yet.</summary>
    New = 0,

    /// <summary>Has ordered before.</summary>
    Regular = 1,

    /// <summary>A high-value repeat customer.</summary>
    Vip = 2,
}
