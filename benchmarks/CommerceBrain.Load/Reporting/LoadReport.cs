using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Reporting;

/// <summary>The JSON report (names fixed: benchmarks/run-all.sh reads them).</summary>
internal sealed record LoadReport(
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("interrupted")] bool Interrupted,
    [property: JsonPropertyName("scenarios")] IReadOnlyList<ScenarioReport> Scenarios,
    [property: JsonPropertyName("timeline")] IReadOnlyList<TimelineReport> Timeline);

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

/// <summary>One step of a scenario in the JSON report.</summary>
internal sealed record StepReport(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ok")] long Ok,
    [property: JsonPropertyName("failed")] long Failed,
    [property: JsonPropertyName("rps")] double Rps,
    [property: JsonPropertyName("latency_ms")] LatencyReport Latency,
    [property: JsonPropertyName("errors")] IReadOnlyList<ErrorReport> Errors);

/// <summary>Latency summary in milliseconds.</summary>
internal sealed record LatencyReport(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p90")] double P90,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("p999")] double P999,
    [property: JsonPropertyName("max")] double Max);

/// <summary>One row of an error breakdown.</summary>
internal sealed record ErrorReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("count")] long Count);

/// <summary>One second of one scenario.</summary>
internal sealed record TimelineReport(
    [property: JsonPropertyName("t_s")] int Second,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("ok")] long Ok,
    [property: JsonPropertyName("failed")] long Failed,
    [property: JsonPropertyName("p99_ms")] double P99Ms);
