using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Grains;
using CommerceBrain.Conversations.Policy;
using CommerceBrain.Conversations.Storage;

namespace CommerceBrain.Conversations.Tests.Grains;

/// <summary>
/// Whether a person ever took part in a session (the <c>handled_by</c> tag of <c>commercebrain.sessions.closed</c>, the
/// operations page's automation rate): set by a hand-over or any agent action, and rebuilt from the ledger.
/// </summary>
public sealed class SessionModelPersonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    private static (SessionModel Model, List<SessionEvent> Rows) Opened()
    {
        var model = new SessionModel("s-person");
        var opening = new SessionOpening("c-1", "web", null);
        var row = model.OpenedRow(opening, At);
        model.ApplyOpened(row, opening);
        return (model, [row]);
    }

    private static PolicyDecision Decision(HandoffPacket? handoff) =>
        new(new BotReply("ok", ReplyKind.Answer, "faq", 0.9f), DialogueState.Initial, handoff);

    private static HandoffPacket Packet() =>
        new("s-person", "c-1", null, "regular", null, "web", "requested", "wants a person", ["human_agent"],
            new Dictionary<string, string>(), [], 0, 0, [], "en", At);

    [Fact]
    public void A_session_the_bot_alone_answered_had_no_person_also_after_a_rebuild()
    {
        var (model, rows) = Opened();
        var decision = Decision(null);
        var turn = model.TurnRow("m-1", "where is my order", decision, At);
        model.ApplyTurn(turn, decision.Reply, decision.State, null);
        rows.Add(turn);

        Assert.False(model.HadPerson);
        Assert.False(SessionModel.Rebuild("s-person", rows).HadPerson);
    }

    [Fact]
    public void A_hand_over_marks_a_person_and_the_mark_survives_a_rebuild()
    {
        var (model, rows) = Opened();
        var decision = Decision(Packet());
        var turn = model.TurnRow("m-1", "I want a human", decision, At);
        model.ApplyTurn(turn, decision.Reply, decision.State, decision.Handoff);
        rows.Add(turn);

        Assert.True(model.HadPerson);
        Assert.True(SessionModel.Rebuild("s-person", rows).HadPerson);
    }

    [Fact]
    public void An_agent_attaching_without_a_hand_over_marks_a_person_and_the_mark_survives_a_rebuild()
    {
        var (model, rows) = Opened();
        var data = new AgentEventData("a-1", "Ann");
        var attached = model.AgentRow(SessionEventKind.Attached, data, At);
        model.ApplyAgent(attached, data);
        rows.Add(attached);

        Assert.True(model.HadPerson);
        Assert.True(SessionModel.Rebuild("s-person", rows).HadPerson);
    }
}
