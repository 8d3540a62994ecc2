namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>POST /api/campaigns</c> → 201, <c>GET /api/campaigns/{id}</c>.</summary>
public sealed record CampaignView(string Id, string Name, string Status, long Budget);
