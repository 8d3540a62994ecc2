using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Reporting;

/// <summary>Latency summary in milliseconds.</summary>
internal sealed record LatencyReport(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p90")] double P90,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("p999")] double P999,
    [property: JsonPropertyName("max")] double Max);
