using System.Text.Json;

namespace CommerceBrain.Actors.Persistence;

/// <summary>
/// JSON settings for persisted grain state. Insert source-generated contexts into
/// <c>SerializerOptions.TypeInfoResolverChain</c> to avoid reflection.
/// </summary>
public sealed class GrainStateSerializerOptions
{
    /// <summary>The serializer options; web defaults (camelCase) unless configured.</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);
}
