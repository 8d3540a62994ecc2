namespace CommerceBrain.Actors;

/// <summary>
/// A grain's identity: its type name and its string key. The text form is <c>type/key</c>, as in Orleans 7+.
/// The type name is the implementation class name in lower case with a trailing "grain" removed
/// (<c>CouponBudgetGrain</c> → <c>couponbudget</c>), unless the class carries <see cref="GrainTypeAttribute"/>.
/// The text form is the storage key and the placement hash input, so it must stay canonical.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";

    /// <summary>Parses the <c>type/key</c> text form; the key may itself contain '/'.</summary>
    public static GrainId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/');
        if (slash <= 0)
        {
            throw new FormatException($"'{text}' is not a grain id; expected 'type/key'.");
        }

        return new GrainId(text[..slash], text[(slash + 1)..]);
    }
}

/// <summary>Overrides the grain type name derived from the class name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
