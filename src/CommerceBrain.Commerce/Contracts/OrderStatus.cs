namespace CommerceBrain.Commerce.Contracts;

/// <summary>Where an order is in its life. Refunds are separate records (<see cref="RefundView"/>).</summary>
[GenerateSerializer]
public enum OrderStatus
{
    /// <summary>Placed, not paid yet.</summary>
    PendingPayment,
    /// <summary>Paid, waiting for the merchant to ship.</summary>
    Paid,
    /// <summary>Handed to the carrier; tracking events arrive.</summary>
    Shipped,
    /// <summary>The carrier delivered it.</summary>
    Delivered,
    /// <summary>Delivered and confirmed (or auto-confirmed); after-sales still possible within the window.</summary>
    Completed,
    /// <summary>Cancelled before shipment.</summary>
    Cancelled,
    /// <summary>Fully refunded.</summary>
    Refunded,
}
