using System.Text.Json;
using CommerceBrain.Conversations.Policy;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Conversations.Tests.Infrastructure;

/// <summary>
/// Drives the real policy through a conversation the way the session grain does: one request id per turn, and the
/// state stored as JSON between turns (so every test also proves the state round-trips).
/// </summary>
public sealed class Conversation
{
    private readonly DialoguePolicy _policy;
    private readonly string _customer;
    private readonly string? _merchant;
    private int _turns;

    public Conversation(string customer = InMemoryCommerceDesk.Vip, string? merchant = null, ConversationsOptions? options = null,
        InMemoryCommerceDesk? desk = null)
    {
        Desk = desk ?? new InMemoryCommerceDesk();
        _policy = new DialoguePolicy(Understanding, Desk, Options.Create(options ?? new ConversationsOptions()));
        _customer = customer;
        _merchant = merchant;
    }

    public InMemoryCommerceDesk Desk { get; }

    public ModelUnderstanding Understanding { get; } = new();

    public DialogueState State { get; private set; } = DialogueState.Initial;

    public string StateJson { get; private set; } = "{}";

    public PolicyDecision? Last { get; private set; }

    public DialogueContext NextContext() =>
        new("s-1", _customer, _merchant, "web", $"s-1:m{_turns + 1}", InMemoryCommerceDesk.Now);

    /// <summary>Sends one customer message and keeps the returned state (through JSON, as the ledger stores it).</summary>
    public async Task<PolicyDecision> Say(string text)
    {
        var context = NextContext();
        _turns++;
        var decision = await _policy.DecideAsync(context, State, text, CancellationToken.None);
        StateJson = JsonSerializer.Serialize(decision.State);
        State = JsonSerializer.Deserialize<DialogueState>(StateJson)!;
        Last = decision;
        return decision;
    }

    /// <summary>Decides <paramref name="text"/> again with the same context and state (a retried turn).</summary>
    public Task<PolicyDecision> Retry(DialogueContext context, DialogueState state, string text) =>
        _policy.DecideAsync(context, state, text, CancellationToken.None);
}
