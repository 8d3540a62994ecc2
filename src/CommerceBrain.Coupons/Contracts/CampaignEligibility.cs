namespace CommerceBrain.Coupons.Contracts;

/// <summary>
/// Who may claim: customers in one of <paramref name="Segments"/> (null or empty: any segment) and, with
/// <paramref name="NewCustomersOnly"/>, only customers of segment <c>new</c>. A customer the shop does not know yet counts
/// as a new customer.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("coupons.eligibility")]
public sealed record CampaignEligibility(
    [property: Id(0)] IReadOnlyList<string>? Segments,
    [property: Id(1)] bool NewCustomersOnly)
{
    /// <summary>Anyone may claim.</summary>
    public static CampaignEligibility Anyone { get; } = new(null, false);

    /// <summary>Whether anyone is left out (otherwise the customer's segment need not be read).</summary>
    public bool Restricts => NewCustomersOnly || Segments is { Count: > 0 };

    /// <summary>Whether a customer of <paramref name="segment"/> may claim.</summary>
    public bool Admits(string segment)
    {
        if (NewCustomersOnly && !string.Equals(segment, CustomerSegments.New, StringComparison.Ordinal))
        {
            return false;
        }

        return Segments is not { Count: > 0 } || Segments.Contains(segment, StringComparer.Ordinal);
    }
}
