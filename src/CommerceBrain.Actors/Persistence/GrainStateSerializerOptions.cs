using System.Text.Json;

namespace CommerceBrain.Actors.Persistence;

/// <summary>
/// JSON settings for persisted grain state. Insert source-generated contexts into
/// <c>SerializerOptions.TypeInfoResolverChain</c> to avoid reflection. After all configuration the runtime moves the
/// reflection resolver (<see cref="System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver"/>) to the end of
/// the chain, adding one if none is there: contexts answer first, types in no context still serialise by reflection.
/// </summary>
public sealed class GrainStateSerializerOptions
{
    /// <summary>The serializer options; web defaults (camelCase) unless configured.</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);
}
