using System.Collections.Concurrent;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Nlu.Contracts;

namespace CommerceBrain.Commerce.Tests.Fixtures;

/// <summary>Test double for the NLU module's FAQ door: records what the seeder hands over (the NLU grain is another module's).</summary>
public sealed class RecordingFaqPublisher : IMerchantFaqPublisher
{
    public ConcurrentDictionary<string, IReadOnlyList<MerchantFaqPair>> Published { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, publishing fails (as if the NLU module were down).</summary>
    public bool Fail { get; set; }

    public Task PublishAsync(string merchantId, IReadOnlyList<MerchantFaqPair> pairs, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new InvalidOperationException("The NLU module is unavailable (test).");
        }

        Published[merchantId] = pairs;
        return Task.CompletedTask;
    }
}
