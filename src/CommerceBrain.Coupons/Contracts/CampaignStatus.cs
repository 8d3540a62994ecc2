namespace CommerceBrain.Coupons.Contracts;

/// <summary>A campaign's lifecycle. Claims are granted only while <see cref="Active"/> and inside the time window.</summary>
public enum CampaignStatus
{
    /// <summary>Not created.</summary>
    None = 0,

    /// <summary>Granting (inside its window).</summary>
    Active = 1,

    /// <summary>Paused by an admin; may resume.</summary>
    Paused = 2,

    /// <summary>Closed for good.</summary>
    Closed = 3,
}
