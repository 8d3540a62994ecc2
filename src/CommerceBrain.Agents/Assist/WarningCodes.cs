namespace CommerceBrain.Agents.Assist;

/// <summary>The stable codes and severities of draft warnings (see docs/agents.md, "Assist and warnings").</summary>
public static class WarningCodes
{
    /// <summary>Insults, rudeness, dismissive phrases or shouting.</summary>
    public const string Rude = "rude";

    /// <summary>A refund or compensation amount above the session's order value.</summary>
    public const string PromiseOverOrderValue = "promise_over_order_value";

    /// <summary>A compensation, voucher or refund promise without a (known) reason code.</summary>
    public const string CompensationWithoutReason = "compensation_without_reason";

    /// <summary>A card, ID, phone number or e-mail address written out in full.</summary>
    public const string PersonalData = "personal_data";

    /// <summary>An order id or customer id that belongs to another customer.</summary>
    public const string OtherCustomerData = "other_customer_data";

    /// <summary>Must not be sent as is (the message is still sent when the agent insists; the warning is recorded).</summary>
    public const string Critical = "critical";

    /// <summary>Probably improper; worth a second look.</summary>
    public const string Warning = "warning";

    /// <summary>A style hint.</summary>
    public const string Info = "info";
}
