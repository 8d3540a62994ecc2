using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Reporting;

/// <summary>One row of the successful outcomes by status (e.g. a FAQ answered vs handed over, a coupon granted vs denied).</summary>
internal sealed record OutcomeReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("count")] long Count);
