using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceBrain.Diagnostics.Api;

/// <summary>Source-generated JSON for the diagnostics API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CounterValue))]
[JsonSerializable(typeof(CounterIncrement))]
internal sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
