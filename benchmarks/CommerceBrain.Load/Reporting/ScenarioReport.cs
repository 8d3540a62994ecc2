using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Reporting;

/// <summary>One scenario of the JSON report.</summary>
internal sealed record ScenarioReport(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("iterations")] long Iterations,
    [property: JsonPropertyName("ok")] long Ok,
    [property: JsonPropertyName("failed")] long Failed,
    [property: JsonPropertyName("rps")] double Rps,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    [property: JsonPropertyName("latency_ms")] LatencyReport Latency,
    [property: JsonPropertyName("errors")] IReadOnlyList<ErrorReport> Errors,
    [property: JsonPropertyName("steps")] IReadOnlyList<StepReport> Steps);
