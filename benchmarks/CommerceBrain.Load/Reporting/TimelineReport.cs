using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Reporting;

/// <summary>One second of one scenario.</summary>
internal sealed record TimelineReport(
    [property: JsonPropertyName("t_s")] int Second,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("ok")] long Ok,
    [property: JsonPropertyName("failed")] long Failed,
    [property: JsonPropertyName("p99_ms")] double P99Ms);
