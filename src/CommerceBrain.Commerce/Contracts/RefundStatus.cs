namespace CommerceBrain.Commerce.Contracts;

/// <summary>A refund request's state. <see cref="Contested"/> is the seam where the dispute module takes over.</summary>
[GenerateSerializer]
public enum RefundStatus
{
    Requested,
    Approved,
    Rejected,
    /// <summary>The merchant refused and the customer did not accept: a dispute case may be opened on it.</summary>
    Contested,
    Paid,
}
