using System.Text.RegularExpressions;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Privacy;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// <c>other_customer_data</c>: an order id that belongs to another customer (owners looked up through the commerce
/// module, see <see cref="DraftFacts.OrderOwners"/>) or a customer id (<c>c-</c> and digits) that is not the session's.
/// </summary>
public static partial class OtherCustomerRule
{
    /// <summary>The order ids <paramref name="text"/> names: runs of 10–20 digits that are not card or phone numbers.</summary>
    public static IReadOnlyList<string> MentionedOrderIds(string text) =>
        OrderIdRegex().Matches(text).Select(m => m.Value)
            .Where(v => string.Equals(PersonalDataMasker.Mask(v), v, StringComparison.Ordinal) && !PersonalDataRule.IsResidentId(v))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>At most one warning naming every foreign order or customer id in <paramref name="text"/>.</summary>
    public static IEnumerable<AgentDraftWarning> Check(string text, DraftFacts facts)
    {
        var foreign = MentionedOrderIds(text)
            .Where(id => facts.OrderOwners.TryGetValue(id, out var owner) && !string.Equals(owner, facts.CustomerId, StringComparison.Ordinal))
            .Select(id => $"order {id}")
            .Concat(CustomerIdRegex().Matches(text).Select(m => m.Value)
                .Where(id => facts.CustomerId is not null && !string.Equals(id, facts.CustomerId, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Select(id => $"customer {id}"))
            .ToList();
        if (foreign.Count > 0)
        {
            yield return new AgentDraftWarning(WarningCodes.OtherCustomerData,
                $"The message mentions another customer's data ({string.Join(", ", foreign)}): never share it with this customer.",
                WarningCodes.Critical);
        }
    }

    [GeneratedRegex(@"(?<!\d)\d{10,20}(?!\d)")]
    private static partial Regex OrderIdRegex();

    [GeneratedRegex(@"(?<![\w-])c-\d{5,}(?![\w-])")]
    private static partial Regex CustomerIdRegex();
}
