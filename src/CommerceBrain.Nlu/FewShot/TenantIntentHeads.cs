namespace CommerceBrain.Nlu.FewShot;

/// <summary>
/// Per-tenant (merchant) <see cref="PrototypeHead"/>s in an LRU cache bounded by memory: when the heads together
/// exceed <see cref="CapacityBytes"/>, the least recently used tenants are evicted (their intents must be added
/// again). Thread-safe.
/// </summary>
public sealed class TenantIntentHeads
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Tenant, PrototypeHead Head)>> _byTenant = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Tenant, PrototypeHead Head)> _recency = new();

    /// <summary>Creates an empty cache.</summary>
    public TenantIntentHeads(int dimension, long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        Dimension = dimension;
        CapacityBytes = capacityBytes;
    }

    /// <summary>Embedding length of every head.</summary>
    public int Dimension { get; }

    /// <summary>Memory cap across all tenants.</summary>
    public long CapacityBytes { get; }

    /// <summary>Bytes held now.</summary>
    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                return _recency.Sum(n => n.Head.ByteSize);
            }
        }
    }

    /// <summary>Tenants evicted so far.</summary>
    public long Evictions { get; private set; }

    /// <summary>Tenants held, most recently used first.</summary>
    public IReadOnlyList<string> Tenants
    {
        get
        {
            lock (_gate)
            {
                return _recency.Select(n => n.Tenant).ToArray();
            }
        }
    }

    /// <summary>Adds or replaces a tenant's intent from example embeddings, then evicts other tenants if over the cap.</summary>
    public void SetIntent(string tenant, string intent, IReadOnlyList<float[]> exampleEmbeddings)
    {
        lock (_gate)
        {
            var node = Touch(tenant, create: true)!;
            node.Value.Head.Set(intent, exampleEmbeddings);
            if (node.Value.Head.ByteSize > CapacityBytes)
            {
                node.Value.Head.Remove(intent);
                throw new InvalidOperationException($"Tenant '{tenant}' alone would exceed the few-shot memory cap of {CapacityBytes} bytes.");
            }

            EvictOverCapacity(keep: tenant);
        }
    }

    /// <summary>
    /// Replaces all of <paramref name="tenant"/>'s intents at once (no intents removes the tenant), then evicts other
    /// tenants if over the cap. Throws <see cref="InvalidOperationException"/>, changing nothing, when the tenant alone
    /// would exceed the cap.
    /// </summary>
    public void ReplaceTenant(string tenant, IReadOnlyList<(string Intent, IReadOnlyList<float[]> ExampleEmbeddings)> intents)
    {
        ArgumentNullException.ThrowIfNull(intents);
        var head = new PrototypeHead(Dimension);
        foreach (var (intent, embeddings) in intents)
        {
            head.Set(intent, embeddings);
        }

        if (head.ByteSize > CapacityBytes)
        {
            throw new InvalidOperationException($"Tenant '{tenant}' alone would exceed the few-shot memory cap of {CapacityBytes} bytes.");
        }

        lock (_gate)
        {
            if (_byTenant.Remove(tenant, out var old))
            {
                _recency.Remove(old);
            }

            if (intents.Count == 0)
            {
                return;
            }

            _byTenant.Add(tenant, _recency.AddFirst((tenant, head)));
            EvictOverCapacity(keep: tenant);
        }
    }

    /// <summary>Whether <paramref name="tenant"/> is held now (it may have been evicted, or never added).</summary>
    public bool Contains(string tenant)
    {
        lock (_gate)
        {
            return _byTenant.ContainsKey(tenant);
        }
    }

    /// <summary>Removes a tenant's intent.</summary>
    public bool RemoveIntent(string tenant, string intent)
    {
        lock (_gate)
        {
            return Touch(tenant, create: false) is { } node && node.Value.Head.Remove(intent);
        }
    }

    /// <summary>The nearest run-time intent of <paramref name="tenant"/> for an embedding (marks the tenant as used).</summary>
    public (string Intent, float Similarity)? Nearest(string tenant, ReadOnlySpan<float> embedding)
    {
        lock (_gate)
        {
            return Touch(tenant, create: false)?.Value.Head.Nearest(embedding);
        }
    }

    /// <summary>The intents a tenant has (marks the tenant as used); empty when it has none or was evicted.</summary>
    public IReadOnlyList<string> IntentsOf(string tenant)
    {
        lock (_gate)
        {
            return Touch(tenant, create: false)?.Value.Head.Intents.ToArray() ?? [];
        }
    }

    private LinkedListNode<(string Tenant, PrototypeHead Head)>? Touch(string tenant, bool create)
    {
        if (_byTenant.TryGetValue(tenant, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node;
        }

        if (!create)
        {
            return null;
        }

        node = _recency.AddFirst((tenant, new PrototypeHead(Dimension)));
        _byTenant.Add(tenant, node);
        return node;
    }

    private void EvictOverCapacity(string keep)
    {
        var used = _recency.Sum(n => n.Head.ByteSize);
        while (used > CapacityBytes && _recency.Last is { } last && last.Value.Tenant != keep)
        {
            used -= last.Value.Head.ByteSize;
            _recency.RemoveLast();
            _byTenant.Remove(last.Value.Tenant);
            Evictions++;
            NluTelemetry.FewShotEvictions.Add(1);
        }
    }
}
