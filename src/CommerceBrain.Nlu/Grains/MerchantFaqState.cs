using CommerceBrain.Nlu.Contracts;
using CommerceBrain.Nlu.Faq;

namespace CommerceBrain.Nlu.Grains;

/// <summary>The stored FAQ of one shop, and the rule for replacing it.</summary>
[GenerateSerializer]
public sealed class MerchantFaqState
{
    /// <summary>Grows by one with every stored change; 0 = never set.</summary>
    [Id(0)]
    public long Version { get; set; }

    /// <summary>The question-answer pairs, in the order the merchant gave them.</summary>
    [Id(1)]
    public List<StoredMerchantFaqPair> Entries { get; set; } = [];

    /// <summary>Replaces the FAQ with <paramref name="entries"/>; returns the refusal when they break a rule of <paramref name="options"/>.</summary>
    public string? Replace(IReadOnlyList<MerchantFaqPair> entries, NluOptions options)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (MerchantFaqRules.Validate(entries, options).FirstOrDefault() is { Key: not null } error)
        {
            return $"{error.Key}: {error.Value[0]}";
        }

        Entries = entries.Select(e => new StoredMerchantFaqPair { Id = e.Id, Question = e.Question, Answer = e.Answer }).ToList();
        Version++;
        return null;
    }

    /// <summary>An immutable copy for callers.</summary>
    public MerchantFaqSet ToSet(string merchantId) =>
        new(merchantId, Version, Entries.Select(e => new MerchantFaqPair(e.Id, e.Question, e.Answer)).ToArray());
}
