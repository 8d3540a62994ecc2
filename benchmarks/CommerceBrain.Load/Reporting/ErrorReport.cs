using System.Text.Json.Serialization;

namespace CommerceBrain.Load.Reporting;

/// <summary>One row of an error breakdown.</summary>
internal sealed record ErrorReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("count")] long Count);
