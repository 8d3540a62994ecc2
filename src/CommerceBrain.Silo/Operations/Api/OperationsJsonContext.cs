using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceBrain.Silo.Operations.Api;

/// <summary>Source-generated JSON for the operations endpoint.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OperationsMetricsResponse))]
internal sealed partial class OperationsJsonContext : JsonSerializerContext;
