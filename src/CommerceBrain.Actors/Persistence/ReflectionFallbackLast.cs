using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Actors.Persistence;

/// <summary>
/// Keeps the reflection resolver last in the state serializer's resolver chain, after every module's configuration.
/// Without it, the first module that inserts a source-generated context turns an empty chain ("reflection") into
/// "that context only", and every other module's state type stops serialising.
/// </summary>
internal sealed class ReflectionFallbackLast : IPostConfigureOptions<GrainStateSerializerOptions>
{
    public void PostConfigure(string? name, GrainStateSerializerOptions options)
    {
        var json = options.SerializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var chain = json.TypeInfoResolverChain;
        if (chain.Count > 0 && chain[^1] is DefaultJsonTypeInfoResolver && !chain.Take(chain.Count - 1).Any(r => r is DefaultJsonTypeInfoResolver))
        {
            options.SerializerOptions = json;
            return;
        }

        // Options already used for (de)serialisation are read-only; the copy keeps their settings and is editable.
        if (json.IsReadOnly)
        {
            json = new JsonSerializerOptions(json);
            chain = json.TypeInfoResolverChain;
        }

        // A module's own reflection resolver (perhaps with modifiers) is kept, only moved behind the contexts.
        var fallbacks = chain.OfType<DefaultJsonTypeInfoResolver>().ToList();
        foreach (var fallback in fallbacks)
        {
            chain.Remove(fallback);
        }

        if (fallbacks.Count == 0)
        {
            fallbacks.Add(new DefaultJsonTypeInfoResolver());
        }

        foreach (var fallback in fallbacks)
        {
            chain.Add(fallback);
        }

        options.SerializerOptions = json;
    }
}
