using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Contracts;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// The agents module's <see cref="IAgentDraftReviewer"/>: gathers the facts the rules need (the session's customer, the
/// order value of the packet's orders, the owners of the orders the draft names, all through the commerce module's
/// <see cref="IOrderGrain"/>) and applies <see cref="DraftRules"/>.
/// </summary>
public sealed class AgentDraftReviewer(IGrainFactory grains, ILogger<AgentDraftReviewer> logger) : IAgentDraftReviewer
{
    /// <summary>Packet orders and named orders looked up per draft (bounds the work an agent's text can cause).</summary>
    private const int MaxOrdersLooked = 10;

    /// <inheritdoc />
    public async Task<IReadOnlyList<AgentDraftWarning>> ReviewAsync(AgentDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var facts = await FactsAsync(draft, cancellationToken);
        return DraftRules.Review(draft.Text, facts);
    }

    /// <summary>The facts about <paramref name="draft"/>'s session.</summary>
    internal async Task<DraftFacts> FactsAsync(AgentDraft draft, CancellationToken cancellationToken)
    {
        var customerId = draft.Packet?.CustomerId
            ?? (await grains.GetGrain<ISessionGrain>(draft.SessionId).Get().WaitAsync(cancellationToken))?.CustomerId;
        var packetOrders = draft.Packet?.OrdersTouched ?? [];
        var ids = packetOrders.Concat(OtherCustomerRule.MentionedOrderIds(draft.Text))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxOrdersLooked)
            .ToArray();
        OrderView[] found;
        try
        {
            var orders = await Task.WhenAll(ids.Select(id => grains.GetGrain<IOrderGrain>(id).Get())).WaitAsync(cancellationToken);
            found = orders.OfType<OrderView>().ToArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The agent's message is sent right after this review: a commerce hiccup costs the order checks, never the send.
            AgentsLog.OrderLookupFailed(logger, draft.SessionId, ex);
            found = [];
        }

        var owners = found.ToDictionary(o => o.OrderId, o => o.CustomerId, StringComparer.Ordinal);

        // The session's order value: the largest of the customer's own orders the bot touched (as the queue priority reads
        // it); when the packet has none, the customer's own orders the draft names.
        var own = found.Where(o => string.Equals(o.CustomerId, customerId, StringComparison.Ordinal)).ToArray();
        var fromPacket = own.Where(o => packetOrders.Contains(o.OrderId, StringComparer.Ordinal)).ToArray();
        var valued = (fromPacket.Length > 0 ? fromPacket : own).MaxBy(o => o.TotalMinor);
        return new DraftFacts(customerId, valued?.TotalMinor, valued?.Currency, owners, draft.ReasonCode);
    }
}
