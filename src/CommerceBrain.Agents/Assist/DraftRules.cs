using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Assist;

/// <summary>All draft rules over one text: pure, so the rules are unit-tested without a silo.</summary>
public static class DraftRules
{
    /// <summary>The warnings for <paramref name="text"/>, critical ones first.</summary>
    public static IReadOnlyList<AgentDraftWarning> Review(string text, DraftFacts facts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        return RudenessRule.Check(text)
            .Concat(PromiseRules.Check(text, facts))
            .Concat(PersonalDataRule.Check(text))
            .Concat(OtherCustomerRule.Check(text, facts))
            .OrderBy(w => w.Severity switch { WarningCodes.Critical => 0, WarningCodes.Warning => 1, _ => 2 })
            .ToArray();
    }
}
