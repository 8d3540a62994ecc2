namespace CommerceBrain.Nlu.Grains;

/// <summary>One stored run-time intent (mutable for the storage serializer; callers get <see cref="Contracts.MerchantIntentDefinition"/>).</summary>
[GenerateSerializer]
public sealed class StoredMerchantIntent
{
    /// <summary>The intent's name.</summary>
    [Id(0)]
    public string Name { get; set; } = "";

    /// <summary>Its example messages.</summary>
    [Id(1)]
    public List<string> Examples { get; set; } = [];
}
