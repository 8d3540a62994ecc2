using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// One write the silo acknowledged, as the journal keeps it (one JSON line). Which fields are set depends on
/// <see cref="Kind"/>: <see cref="JournalKinds.Message"/> and <see cref="JournalKinds.AgentMessage"/> name the session,
/// the client message id, the event id the silo answered and the text; <see cref="JournalKinds.Grant"/> the campaign,
/// idempotency key, channel and coupon id; <see cref="JournalKinds.Order"/> the order and the idempotency key it was
/// created with; <see cref="JournalKinds.Refund"/> the order and refund id.
/// </summary>
public sealed record JournalEntry(
    string Kind,
    string Subject,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SessionId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientMessageId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EventId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CampaignId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdempotencyKey = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Channel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CouponId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrderId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefundId = null)
{
    /// <summary>A one-line description for the list of lost writes.</summary>
    public override string ToString() => Kind switch
    {
        JournalKinds.Grant => $"grant {CouponId} (campaign {CampaignId}, key {IdempotencyKey}, {Subject})",
        JournalKinds.Refund => $"refund {RefundId} (order {OrderId}, {Subject})",
        JournalKinds.Order => $"order {OrderId} (key {IdempotencyKey}, {Subject})",
        _ => $"{Kind} {ClientMessageId} (session {SessionId}, event {EventId}, {Subject})",
    };
}
