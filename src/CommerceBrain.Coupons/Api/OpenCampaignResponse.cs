namespace CommerceBrain.Coupons.Api;

/// <summary>A campaign a customer can claim from: its smallest coupon (minor units) and when it ends.</summary>
public sealed record OpenCampaignResponse(string Id, string Name, long Value, long MinSpend, DateTimeOffset EndsAt);
