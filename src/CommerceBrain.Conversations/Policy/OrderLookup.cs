using CommerceBrain.Commerce.Contracts;

namespace CommerceBrain.Conversations.Policy;

/// <summary>What a message said about an order: the customer's order it names, or an id that is not theirs.</summary>
internal sealed record OrderLookup(OrderView? Order, string? UnknownId)
{
    public static OrderLookup None { get; } = new(null, null);
}
