using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Conversations.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Conversations.Tests.Grains;

/// <summary>The session grain on a real silo and the real ledger (SQLite), with a scripted policy.</summary>
public sealed class SessionGrainTests(SessionGrainFixture fixture) : IClassFixture<SessionGrainFixture>
{
    private ISessionGrain NewSession(out string id)
    {
        id = Guid.NewGuid().ToString("N");
        return fixture.Cluster.Client.GetGrain<ISessionGrain>(id);
    }

    [Fact]
    public async Task Turns_and_dialogue_state_survive_deactivation()
    {
        var session = NewSession(out _);
        await session.Open(new SessionOpening("c-1", "web", "m-1"));
        await session.Send(new CustomerMessage("c-1", "hello", "m1"));
        await session.Send(new CustomerMessage("c-1", "说中文", "m2"));

        await fixture.Cluster.DeactivateAsync(session);
        var view = await session.Get();

        Assert.NotNull(view);
        Assert.Equal(["customer", "bot", "customer", "bot"], view.Transcript.Select(t => t.Author));
        Assert.Equal([1L, 2, 3, 4], view.Transcript.Select(t => t.Seq));
        Assert.Equal("echo: 说中文", view.Transcript[3].Text);
        Assert.Equal("yes", view.Transcript[3].Reply!.Choices!.Single().Value);
        Assert.Equal("m-1", view.MerchantId);
        // The state the policy returned came back from the ledger: the next turn starts from it.
        var next = await session.Send(new CustomerMessage("c-1", "again", "m3"));
        Assert.Equal(TurnOutcome.Accepted, next.Outcome);
        Assert.Equal(5, next.Seq);
    }

    [Fact]
    public async Task A_retried_message_returns_the_original_reply_and_takes_no_second_turn()
    {
        var session = NewSession(out var id);
        await session.Open(new SessionOpening("c-1", "app", null));
        var first = await session.Send(new CustomerMessage("c-1", "where is my order", "retry-1"));

        var again = await session.Send(new CustomerMessage("c-1", "where is my order", "retry-1"));
        await fixture.Cluster.DeactivateAsync(session);
        var afterRestart = await session.Send(new CustomerMessage("c-1", "where is my order", "retry-1"));

        Assert.Equal(TurnOutcome.Accepted, first.Outcome);
        Assert.Equal(TurnOutcome.Replayed, again.Outcome);
        Assert.Equal(TurnOutcome.Replayed, afterRestart.Outcome);
        Assert.Equal(Describe(first.Reply), Describe(again.Reply));
        Assert.Equal(Describe(first.Reply), Describe(afterRestart.Reply));
        Assert.Equal(first.Seq, afterRestart.Seq);
        Assert.Equal(1, fixture.Policy.Calls[id]);
        Assert.Equal(2, (await session.Get())!.Transcript.Count);
    }

    [Fact]
    public async Task The_same_message_id_with_another_text_is_a_conflict_and_changes_nothing()
    {
        var session = NewSession(out _);
        await session.Open(new SessionOpening("c-1", "web", null));
        await session.Send(new CustomerMessage("c-1", "first text", "dup"));

        var conflict = await session.Send(new CustomerMessage("c-1", "other text", "dup"));

        Assert.Equal(TurnOutcome.ClientMessageIdConflict, conflict.Outcome);
        Assert.Null(conflict.Reply);
        Assert.Equal(2, (await session.Get())!.Transcript.Count);
    }

    [Fact]
    public async Task Another_customer_gets_the_same_answer_as_for_an_unknown_session()
    {
        var session = NewSession(out _);
        await session.Open(new SessionOpening("c-1", "web", null));

        Assert.Null(await session.Open(new SessionOpening("c-2", "web", null)));
        Assert.Equal(TurnOutcome.NotFound, (await session.Send(new CustomerMessage("c-2", "hi", "x"))).Outcome);
        Assert.Null(await session.Close(new SessionClosing("c-2", 5, null)));
        Assert.Equal(TurnOutcome.NotFound, (await NewSession(out _).Send(new CustomerMessage("c-1", "hi", "x"))).Outcome);
        Assert.Empty((await session.Get())!.Transcript);
    }

    [Fact]
    public async Task After_a_handoff_the_bot_stays_silent_and_the_packet_survives_restart()
    {
        var session = NewSession(out var id);
        await session.Open(new SessionOpening("c-1", "hotline", null));

        var handoff = await session.Send(new CustomerMessage("c-1", "I want a human", "h1"));
        var whileWaiting = await session.Send(new CustomerMessage("c-1", "hello? anyone?", "h2"));
        await fixture.Cluster.DeactivateAsync(session);
        var view = await session.Get();

        Assert.Equal(ReplyKind.Handoff, handoff.Reply!.Kind);
        Assert.Equal(SessionStatus.WaitingForAgent, handoff.Status);
        Assert.Equal(TurnOutcome.Accepted, whileWaiting.Outcome);
        Assert.Null(whileWaiting.Reply);
        Assert.Equal(1, fixture.Policy.Calls[id]);
        Assert.Equal(SessionStatus.WaitingForAgent, view!.Status);
        Assert.Equal("explicit_request", view.Handoff!.Reason);
        Assert.Equal(["customer", "bot", "customer"], view.Transcript.Select(t => t.Author));
    }

    [Fact]
    public async Task Personal_data_is_masked_in_the_stored_transcript()
    {
        var session = NewSession(out var id);
        await session.Open(new SessionOpening("c-1", "web", null));

        await session.Send(new CustomerMessage("c-1", "card 4111 1111 1111 1111, call 13812345678 or mail ann@example.com about order 2026111100001", "p1"));

        var rows = await fixture.SiloServices.GetRequiredService<SessionLedger>().ReadAsync(id);
        var body = rows.Single(r => r.Kind == SessionEventKind.Turn).Body!;
        Assert.DoesNotContain("4111", body, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", body, StringComparison.Ordinal);
        Assert.Contains("2026111100001", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_session_keeps_its_satisfaction_and_refuses_messages()
    {
        var session = NewSession(out _);
        await session.Open(new SessionOpening("c-1", "web", null));
        await session.Send(new CustomerMessage("c-1", "thanks", "t1"));

        var closed = await session.Close(new SessionClosing("c-1", 4, "quick answer"));
        await fixture.Cluster.DeactivateAsync(session);
        var refused = await session.Send(new CustomerMessage("c-1", "one more thing", "t2"));
        var view = await session.Get();

        Assert.Equal(SessionStatus.Closed, closed!.Status);
        Assert.Equal(TurnOutcome.Closed, refused.Outcome);
        Assert.Equal(4, view!.Satisfaction);
        Assert.Equal("quick answer", view.Comment);
        Assert.Equal(2, view.Transcript.Count);
    }

    [Fact]
    public async Task A_session_takes_at_most_the_configured_turns()
    {
        var session = NewSession(out _);
        await session.Open(new SessionOpening("c-1", "web", null));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TurnOutcome.Accepted, (await session.Send(new CustomerMessage("c-1", $"message {i}", $"n{i}"))).Outcome);
        }

        Assert.Equal(TurnOutcome.TooManyTurns, (await session.Send(new CustomerMessage("c-1", "one too many", "n5"))).Outcome);
    }

    private static string Describe(BotReply? reply) =>
        reply is null ? "none" : $"{reply.Kind}|{reply.Intent}|{reply.Text}|{string.Join(",", reply.Choices?.Select(c => c.Value) ?? [])}";
}
