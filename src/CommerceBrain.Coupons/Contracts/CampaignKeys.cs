namespace CommerceBrain.Coupons.Contracts;

/// <summary>Grain keys of a campaign's shards (<c>campaign/k</c>) and claimants (<c>campaign/customer</c>).</summary>
public static class CampaignKeys
{
    /// <summary>The key of shard <paramref name="shard"/>.</summary>
    public static string Shard(string campaignId, int shard) => $"{campaignId}/{shard}";

    /// <summary>The key of a customer's claimant.</summary>
    public static string Claimant(string campaignId, string customerId) => $"{campaignId}/{customerId}";

    /// <summary>Splits a <c>campaign/rest</c> key. Campaign ids hold no '/', so the first one separates.</summary>
    public static (string CampaignId, string Remainder) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? throw new ArgumentException($"'{key}' is not a campaign/… key.", nameof(key)) : (key[..slash], key[(slash + 1)..]);
    }
}
