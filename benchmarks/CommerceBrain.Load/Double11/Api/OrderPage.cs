namespace CommerceBrain.Load.Double11.Api;

/// <summary><c>GET /api/me/orders</c>.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Orders, int Offset, int Limit, int? NextOffset);
