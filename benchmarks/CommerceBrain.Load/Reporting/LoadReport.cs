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
