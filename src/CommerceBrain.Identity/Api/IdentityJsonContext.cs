using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceBrain.Identity.Api;

/// <summary>Source-generated JSON for the identity API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(MeResponse))]
internal sealed partial class IdentityJsonContext : JsonSerializerContext;
