namespace CommerceBrain.Commerce.Storage;

/// <summary>The names of the commerce module's tables.</summary>
internal static class CommerceTables
{
    public const string Merchants = "merchants";
    public const string MerchantFaqs = "merchant_faqs";
    public const string Products = "products";
    public const string Customers = "customers";
    public const string Orders = "orders";
    public const string OrderItems = "order_items";
    public const string Shipments = "shipments";
    public const string TrackingEvents = "tracking_events";
    public const string Refunds = "refunds";
    public const string CustomerCoupons = "customer_coupons";
    public const string AddressChanges = "address_changes";

    public static readonly string[] All =
        [Merchants, MerchantFaqs, Products, Customers, Orders, OrderItems, Shipments, TrackingEvents, Refunds, CustomerCoupons, AddressChanges];
}
