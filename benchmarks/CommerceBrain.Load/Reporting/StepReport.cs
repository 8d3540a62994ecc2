using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Reporting;

/// <summary>One step of a scenario in the JSON report: <see cref="Outcomes"/> are its OK responses by status, <see cref="Errors"/> its failures.</summary>
internal sealed record StepReport(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ok")] long Ok,
    [property: JsonPropertyName("failed")] long Failed,
    [property: JsonPropertyName("rps")] double Rps,
    [property: JsonPropertyName("latency_ms")] LatencyReport Latency,
    [property: JsonPropertyName("errors")] IReadOnlyList<ErrorReport> Errors,
    [property: JsonPropertyName("outcomes")] IReadOnlyList<OutcomeReport> Outcomes);
