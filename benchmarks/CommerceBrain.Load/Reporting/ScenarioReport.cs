using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Reporting;

/// <summary>One scenario of the JSON report: <see cref="Outcomes"/> are its OK iterations by status, <see cref="Errors"/> its failed ones.</summary>
internal sealed record ScenarioReport(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("iterations")] long Iterations,
    [property: JsonPropertyName("ok")] long Ok,
    [property: JsonPropertyName("failed")] long Failed,
    [property: JsonPropertyName("rps")] double Rps,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    [property: JsonPropertyName("latency_ms")] LatencyReport Latency,
    [property: JsonPropertyName("errors")] IReadOnlyList<ErrorReport> Errors,
    [property: JsonPropertyName("outcomes")] IReadOnlyList<OutcomeReport> Outcomes,
    [property: JsonPropertyName("steps")] IReadOnlyList<StepReport> Steps);
