namespace CommerceBrain.Conversations.Policy;

/// <summary>
/// An open form: its <paramref name="Name"/> (<see cref="FormNames"/>), the slots filled so far and the slot the bot is
/// waiting for (null when none).
/// </summary>
public sealed record FormState(string Name, IReadOnlyDictionary<string, string> Slots, string? Awaiting)
{
    /// <summary>A slot's value, or null.</summary>
    public string? Slot(string name) => Slots.TryGetValue(name, out var value) ? value : null;

    /// <summary>This form with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public FormState With(string name, string value) =>
        this with { Slots = new Dictionary<string, string>(Slots, StringComparer.Ordinal) { [name] = value } };
}
