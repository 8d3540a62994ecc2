namespace CommerceBrain.Commerce.Seeding;

/// <summary>The house rules one demo shop's FAQ is written from (drawn once per shop from the seeded random).</summary>
internal sealed record MerchantFacts(
    DemoMerchant Merchant,
    string ReturnStreet,
    string ReturnDistrict,
    string ReturnAddressZh,
    string Carrier,
    int CutOffHour,
    string LastDispatchDay,
    int FreeShippingOverYuan,
    int ShippingFeeYuan,
    int ReturnDays,
    int InvoiceDays,
    int OpensAt,
    int ClosesAt,
    int WarrantyMonths,
    int GiftWrapYuan,
    int PreSaleDays,
    int NoReturnNeededUnderYuan,
    int ShelfLifeMonths);
