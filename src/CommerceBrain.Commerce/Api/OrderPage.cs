using CommerceBrain.Commerce.Contracts;

namespace CommerceBrain.Commerce.Api;

/// <summary>A page of the caller's orders, newest first; <paramref name="NextOffset"/> is null on the last page.</summary>
public sealed record OrderPage(IReadOnlyList<OrderView> Orders, int Offset, int Limit, int? NextOffset);
