namespace CommerceBrain.Load.Double11.Api;

/// <summary>An order card in a reply; <see cref="Status"/> is snake case (<c>pending_payment</c>, <c>delivered</c>…).</summary>
public sealed record OrderCard(string OrderId, string? MerchantName, string Status);
