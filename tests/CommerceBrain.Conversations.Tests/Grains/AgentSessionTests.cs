using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Tests.Grains;

/// <summary>Agents on the session grain (real silo, real ledger): attach, messages, transfer, release, resolve, rebuild, listeners.</summary>
public sealed class AgentSessionTests(SessionGrainFixture fixture) : IClassFixture<SessionGrainFixture>
{
    private async Task<(ISessionGrain Session, string Id)> EscalatedAsync(string customer = "c-1")
    {
        var id = Guid.NewGuid().ToString("N");
        var session = fixture.Cluster.Client.GetGrain<ISessionGrain>(id);
        await session.Open(new SessionOpening(customer, "web", null));
        await session.Send(new CustomerMessage(customer, "I need a human", "h1"));
        return (session, id);
    }

    [Fact]
    public async Task A_listener_that_fails_is_told_again_until_it_takes_the_escalation_in_order()
    {
        var id = Guid.NewGuid().ToString("N");
        var session = fixture.Cluster.Client.GetGrain<ISessionGrain>(id);
        fixture.Listener.FailNext(id, 2);
        await session.Open(new SessionOpening("c-retry", "web", null));
        await session.Send(new CustomerMessage("c-retry", "I need a human", "h1"));
        await session.Send(new CustomerMessage("c-retry", "hello?", "h2"));

        var events = await fixture.Listener.WaitForAsync(id, e => e.Any(x => x.Kind == SessionLifecycleKind.CustomerMessage));

        Assert.Equal(2, fixture.Listener.Failed(id));
        Assert.Equal([SessionLifecycleKind.Escalated, SessionLifecycleKind.CustomerMessage], events.Select(e => e.Kind).Take(2));
    }

    [Fact]
    public async Task Two_agents_racing_to_attach_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var (session, _) = await EscalatedAsync();

            var results = await Task.WhenAll(
                session.Attach(new AgentAttach("a-1", "Ann")),
                session.Attach(new AgentAttach("a-2", "Bob")));

            var winner = Assert.Single(results, r => r.Outcome == AttachOutcome.Attached);
            var loser = Assert.Single(results, r => r.Outcome == AttachOutcome.HeldByOther);
            var view = (await session.Get())!;
            Assert.Equal(view.AgentId, loser.HeldBy);
            Assert.Empty(loser.Transcript);
            Assert.Equal(SessionStatus.WithAgent, view.Status);
            Assert.Equal(winner.LastEventId, view.LastEventId);
            Assert.Single(await session.EventsSince(0, 100), e => e.Kind == SessionStreamKinds.Attached);
        }
    }

    [Fact]
    public async Task Attach_returns_the_packet_and_transcript_and_is_idempotent_for_the_same_agent()
    {
        var (session, id) = await EscalatedAsync();

        var first = await session.Attach(new AgentAttach("a-1", "Ann"));
        var again = await session.Attach(new AgentAttach("a-1", "Ann"));

        Assert.Equal(AttachOutcome.Attached, first.Outcome);
        Assert.Equal(id, first.Packet!.SessionId);
        Assert.Equal(["customer", "bot", "system"], first.Transcript.Select(t => t.Author));
        Assert.Equal(3, first.LastEventId);
        Assert.Equal(AttachOutcome.Attached, again.Outcome);
        Assert.Equal(first.LastEventId, again.LastEventId);
        Assert.Equal(3, (await session.EventsSince(0, 100)).Count);
    }

    [Fact]
    public async Task Attaching_to_an_unknown_or_closed_session_is_refused_and_changes_nothing()
    {
        var unknown = fixture.Cluster.Client.GetGrain<ISessionGrain>(Guid.NewGuid().ToString("N"));
        var (closed, _) = await EscalatedAsync();
        await closed.Close(new SessionClosing("c-1", 4, null));

        Assert.Equal(AttachOutcome.NotFound, (await unknown.Attach(new AgentAttach("a-1", "Ann"))).Outcome);
        Assert.Null(await unknown.Get());
        Assert.Equal(AttachOutcome.Closed, (await closed.Attach(new AgentAttach("a-1", "Ann"))).Outcome);
        Assert.Null((await closed.Get())!.AgentId);
    }

    [Fact]
    public async Task Attachment_and_events_survive_deactivation()
    {
        var (session, _) = await EscalatedAsync();
        await session.Attach(new AgentAttach("a-1", "Ann"));
        var sent = await session.AgentSend(new AgentMessage("a-1", "Hi, I'm Ann. Let me look.", "am-1"));
        var before = await session.EventsSince(0, 100);

        await fixture.Cluster.DeactivateAsync(session);
        var after = await session.EventsSince(0, 100);
        var view = (await session.Get())!;
        var replay = await session.AgentSend(new AgentMessage("a-1", "Hi, I'm Ann. Let me look.", "am-1"));
        var other = await session.AgentSend(new AgentMessage("a-2", "me too", "x-1"));

        Assert.Equal(before.Select(e => (e.EventId, e.Kind, e.Lines.Count)), after.Select(e => (e.EventId, e.Kind, e.Lines.Count)));
        Assert.Equal([1L, 2, 3, 4], after.Select(e => e.EventId));
        Assert.Equal(SessionStatus.WithAgent, view.Status);
        Assert.Equal("a-1", view.AgentId);
        Assert.Equal("Ann", view.AgentName);
        Assert.Equal(AgentActionOutcome.Replayed, replay.Outcome);
        Assert.Equal(sent.EventId, replay.EventId);
        Assert.Equal(AgentActionOutcome.NotAttached, other.Outcome);
        Assert.Equal(4, (await session.Get())!.LastEventId);
    }

    [Fact]
    public async Task A_retried_agent_message_is_stored_once_and_another_text_with_its_id_conflicts()
    {
        var (session, _) = await EscalatedAsync();
        await session.Attach(new AgentAttach("a-1", "Ann"));

        var first = await session.AgentSend(new AgentMessage("a-1", "Your refund is on its way.", "m-1"));
        var retry = await session.AgentSend(new AgentMessage("a-1", "Your refund is on its way.", "m-1"));
        var conflict = await session.AgentSend(new AgentMessage("a-1", "Something else.", "m-1"));

        Assert.Equal(AgentActionOutcome.Done, first.Outcome);
        Assert.Equal(AgentActionOutcome.Replayed, retry.Outcome);
        Assert.Equal(first.EventId, retry.EventId);
        Assert.Equal(AgentActionOutcome.ClientMessageIdConflict, conflict.Outcome);
        Assert.Single((await session.Get())!.Transcript, t => t.Author == "agent");
    }

    [Fact]
    public async Task Agent_text_masks_card_numbers_but_keeps_a_shop_phone_number()
    {
        var (session, _) = await EscalatedAsync();
        await session.Attach(new AgentAttach("a-1", "Ann"));

        await session.AgentSend(new AgentMessage("a-1", "Card 4111 1111 1111 1111 noted; call the shop at 13812345678.", "m-1"));

        var line = Assert.Single((await session.Get())!.Transcript, t => t.Author == "agent");
        Assert.Equal("Card [card] noted; call the shop at 13812345678.", line.Text);
    }

    [Fact]
    public async Task An_agent_who_is_not_attached_can_do_nothing()
    {
        var (session, _) = await EscalatedAsync();
        await session.Attach(new AgentAttach("a-1", "Ann"));
        var last = (await session.Get())!.LastEventId;

        Assert.Equal(AgentActionOutcome.NotAttached, (await session.AgentSend(new AgentMessage("a-2", "hello", "m"))).Outcome);
        Assert.Equal(AgentActionOutcome.NotAttached, (await session.Transfer(new AgentTransfer("a-2", EscalationGroups.Disputes, null, "n"))).Outcome);
        Assert.Equal(AgentActionOutcome.NotAttached, (await session.Release("a-2")).Outcome);
        Assert.Equal(AgentActionOutcome.NotAttached, (await session.Resolve("a-2", "done")).Outcome);
        Assert.Equal(last, (await session.Get())!.LastEventId);
    }

    [Fact]
    public async Task Transfer_puts_the_session_back_in_a_queue_and_release_gives_it_to_the_bot()
    {
        var (session, id) = await EscalatedAsync();
        await session.Attach(new AgentAttach("a-1", "Ann"));
        var transferred = await session.Transfer(new AgentTransfer("a-1", EscalationGroups.Disputes, null, "Customer disputes the charge"));
        await session.Attach(new AgentAttach("a-2", "Bob"));
        var customerToAgent = await session.Send(new CustomerMessage("c-1", "still there?", "h2"));

        var released = await session.Release("a-2");
        var backToBot = await session.Send(new CustomerMessage("c-1", "thanks", "h3"));

        Assert.Equal(SessionStatus.WaitingForAgent, transferred.Status);
        Assert.Null(customerToAgent.Reply);
        Assert.Equal(SessionStatus.Active, released.Status);
        Assert.Equal("echo: thanks", backToBot.Reply!.Text);
        var events = await fixture.Listener.WaitForAsync(id, e => e.Any(x => x.Kind == SessionLifecycleKind.Released));
        Assert.Equal(
            [SessionLifecycleKind.Escalated, SessionLifecycleKind.Attached, SessionLifecycleKind.Transferred, SessionLifecycleKind.Attached,
             SessionLifecycleKind.CustomerMessage, SessionLifecycleKind.Released],
            events.Select(e => e.Kind));
        var transfer = events[2];
        Assert.Equal(EscalationGroups.Disputes, transfer.Group);
        Assert.Equal("Customer disputes the charge", transfer.Note);
        Assert.Equal(transferred.EventId, transfer.EventId);
    }

    [Fact]
    public async Task Resolve_closes_the_session_with_the_code()
    {
        var (session, id) = await EscalatedAsync();
        await session.Attach(new AgentAttach("a-1", "Ann"));

        var resolved = await session.Resolve("a-1", "refund_issued");
        var afterwards = await session.Send(new CustomerMessage("c-1", "hello?", "h2"));

        Assert.Equal(SessionStatus.Closed, resolved.Status);
        var view = (await session.Get())!;
        Assert.Equal("refund_issued", view.Resolution);
        Assert.NotNull(view.ClosedAt);
        Assert.Equal(TurnOutcome.Closed, afterwards.Outcome);
        var events = await fixture.Listener.WaitForAsync(id, e => e.Any(x => x.Kind == SessionLifecycleKind.Resolved));
        Assert.Equal("refund_issued", events.Single(e => e.Kind == SessionLifecycleKind.Resolved).Note);
    }

    [Fact]
    public async Task Escalation_tells_listeners_the_packet_and_group_and_a_reactivation_says_it_again_with_the_same_id()
    {
        var (session, id) = await EscalatedAsync();
        var first = (await fixture.Listener.WaitForAsync(id, e => e.Count >= 1)).Single();

        await fixture.Cluster.DeactivateAsync(session);
        await session.Get();
        var events = await fixture.Listener.WaitForAsync(id, e => e.Count >= 2);

        Assert.Equal(SessionLifecycleKind.Escalated, first.Kind);
        Assert.Equal(id, first.Packet!.SessionId);
        Assert.Equal(EscalationGroups.PreSales, first.Group);
        Assert.Equal(2, first.EventId);
        Assert.Equal("c-1", first.CustomerId);
        Assert.All(events, e => Assert.Equal((SessionLifecycleKind.Escalated, 2L), (e.Kind, e.EventId)));
    }

    [Fact]
    public async Task Events_since_an_id_return_the_rest_in_order_with_the_lines_they_added()
    {
        var (session, _) = await EscalatedAsync();
        await session.Attach(new AgentAttach("a-1", "Ann"));
        await session.AgentSend(new AgentMessage("a-1", "hello", "m-1"));

        var rest = await session.EventsSince(2, 100);
        var page = await session.EventsSince(0, 2);

        Assert.Equal([(3L, SessionStreamKinds.Attached), (4L, SessionStreamKinds.AgentMessage)], rest.Select(e => (e.EventId, e.Kind)));
        Assert.Equal("agent", Assert.Single(rest[1].Lines).Author);
        Assert.Equal(4, rest[1].Lines[0].EventId);
        Assert.Equal([1L, 2], page.Select(e => e.EventId));
        Assert.Equal(["customer", "bot"], page[1].Lines.Select(l => l.Author));
        Assert.Empty(await session.EventsSince(4, 100));
    }

    [Fact]
    public async Task A_subscribed_observer_receives_each_committed_event()
    {
        var (session, _) = await EscalatedAsync();
        var observer = new CollectingObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<ISessionObserver>(observer);
        var last = await session.Subscribe(reference);

        await session.Attach(new AgentAttach("a-1", "Ann"));
        await session.AgentSend(new AgentMessage("a-1", "hello", "m-1"));
        var received = await observer.WaitForAsync(2);
        await session.Unsubscribe(reference);

        Assert.Equal(2, last);
        Assert.Equal([3L, 4], received.Select(e => e.EventId));
    }
}
