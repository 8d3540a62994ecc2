namespace CommerceBrain.Nlu.Entities;

/// <summary>
/// One entity found in a text. <paramref name="Start"/> and <paramref name="Length"/> index the original string;
/// <paramref name="Value"/> is the canonical form (digits only for phones, "CNY 12.50" for amounts, ISO dates when the
/// year is known, lower-case e-mail).
/// </summary>
public sealed record EntitySpan(EntityKind Kind, int Start, int Length, string Text, string Value)
{
    /// <summary>Index just after the span.</summary>
    public int End => Start + Length;
}
