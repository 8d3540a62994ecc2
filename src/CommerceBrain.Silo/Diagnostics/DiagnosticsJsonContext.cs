using System.Text.Json;
using System.Text.Json.Serialization;
using CommerceBrain.Silo.Diagnostics.Contracts;
using CommerceBrain.Silo.Diagnostics.Grains;

namespace CommerceBrain.Silo.Diagnostics;

/// <summary>Source-generated JSON for the diagnostics API and the counter's stored state.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CounterValue))]
[JsonSerializable(typeof(CounterIncrement))]
[JsonSerializable(typeof(CounterState))]
internal sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
