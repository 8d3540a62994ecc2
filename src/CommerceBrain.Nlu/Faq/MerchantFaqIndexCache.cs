namespace CommerceBrain.Nlu.Faq;

/// <summary>
/// This silo's indexes of shops' FAQs, least recently asked first out once they hold more than
/// <see cref="CapacityEntries"/> entries together; an evicted shop is re-indexed from its grain when asked again.
/// Thread-safe.
/// </summary>
public sealed class MerchantFaqIndexCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<MerchantFaqIndex>> _byMerchant = new(StringComparer.Ordinal);
    private readonly LinkedList<MerchantFaqIndex> _recency = new();
    private long _entries;

    /// <summary>Creates an empty cache.</summary>
    public MerchantFaqIndexCache(int capacityEntries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityEntries, 1);
        CapacityEntries = capacityEntries;
    }

    /// <summary>Most entries held across shops (one shop larger than this is still held, alone).</summary>
    public int CapacityEntries { get; }

    /// <summary>Entries held now.</summary>
    public long Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries;
            }
        }
    }

    /// <summary>Shops evicted so far.</summary>
    public long Evictions { get; private set; }

    /// <summary>The shop's index when held (and marks it recently used); null otherwise.</summary>
    public MerchantFaqIndex? Get(string merchantId)
    {
        lock (_gate)
        {
            if (!_byMerchant.TryGetValue(merchantId, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value;
        }
    }

    /// <summary>Holds <paramref name="index"/> unless a newer version of the shop is already held; evicts others when over the cap.</summary>
    public void Put(MerchantFaqIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        lock (_gate)
        {
            if (_byMerchant.TryGetValue(index.MerchantId, out var held))
            {
                if (held.Value.Version >= index.Version)
                {
                    return;
                }

                _recency.Remove(held);
                _entries -= held.Value.Count;
            }

            _byMerchant[index.MerchantId] = _recency.AddFirst(index);
            _entries += index.Count;
            while (_entries > CapacityEntries && _recency.Last is { } oldest && oldest.Value != index)
            {
                _recency.RemoveLast();
                _byMerchant.Remove(oldest.Value.MerchantId);
                _entries -= oldest.Value.Count;
                Evictions++;
                NluTelemetry.MerchantFaqEvictions.Add(1);
            }
        }
    }
}
