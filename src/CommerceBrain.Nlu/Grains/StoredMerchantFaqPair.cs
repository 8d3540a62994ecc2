namespace CommerceBrain.Nlu.Grains;

/// <summary>One stored FAQ pair (mutable for the storage serializer; callers get <see cref="Contracts.MerchantFaqPair"/>).</summary>
[GenerateSerializer]
public sealed class StoredMerchantFaqPair
{
    /// <summary>The entry's id, unique within the shop.</summary>
    [Id(0)]
    public string Id { get; set; } = "";

    /// <summary>The question as the merchant wrote it.</summary>
    [Id(1)]
    public string Question { get; set; } = "";

    /// <summary>The answer.</summary>
    [Id(2)]
    public string Answer { get; set; } = "";
}
