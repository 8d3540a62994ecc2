using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Nlu.Grains;

/// <summary>The stored run-time intents of one merchant, and the rules for changing them.</summary>
[GenerateSerializer]
public sealed class MerchantIntentsState
{
    /// <summary>Grows by one with every stored change; 0 = never changed.</summary>
    [Id(0)]
    public long Version { get; set; }

    /// <summary>The intents, in the order they were first added.</summary>
    [Id(1)]
    public List<StoredMerchantIntent> Intents { get; set; } = [];

    /// <summary>Adds or replaces <paramref name="intent"/>; returns the refusal when a new intent would exceed <paramref name="maxIntents"/>.</summary>
    public string? Put(MerchantIntentDefinition intent, int maxIntents)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var existing = Intents.FindIndex(i => i.Name == intent.Name);
        if (existing < 0 && Intents.Count >= maxIntents)
        {
            return $"The merchant already has {Intents.Count} run-time intents, the most allowed ({maxIntents}); replace one instead.";
        }

        var stored = new StoredMerchantIntent { Name = intent.Name, Examples = [.. intent.Examples] };
        if (existing < 0)
        {
            Intents.Add(stored);
        }
        else
        {
            Intents[existing] = stored;
        }

        Version++;
        return null;
    }

    /// <summary>An immutable copy for callers.</summary>
    public MerchantIntentSet ToSet(string merchantId) =>
        new(merchantId, Version, Intents.Select(i => new MerchantIntentDefinition(i.Name, i.Examples.ToArray())).ToArray());
}
