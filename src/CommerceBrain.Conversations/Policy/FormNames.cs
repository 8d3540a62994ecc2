namespace CommerceBrain.Conversations.Policy;

/// <summary>The forms the policy runs, and their slot names.</summary>
public static class FormNames
{
    public const string OrderStatus = "order_status";
    public const string Refund = "refund";
    public const string ChangeAddress = "change_address";

    public const string OrderSlot = "order";
    public const string ItemSlot = "item";
    public const string ReasonSlot = "reason";
    public const string AddressSlot = "address";
    public const string ConfirmSlot = "confirm";
}
