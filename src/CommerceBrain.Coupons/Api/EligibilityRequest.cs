namespace CommerceBrain.Coupons.Api;

/// <summary>Who may claim: segments (<c>new</c>, <c>regular</c>, <c>vip</c>; none: all) and/or new customers only.</summary>
public sealed record EligibilityRequest(IReadOnlyList<string>? Segments, bool? NewCustomersOnly);
