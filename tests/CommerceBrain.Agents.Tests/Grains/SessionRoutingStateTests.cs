using CommerceBrain.Agents.Grains;

namespace CommerceBrain.Agents.Tests.Grains;

public sealed class SessionRoutingStateTests
{
    [Fact]
    public void An_event_id_seen_before_is_a_repeat()
    {
        var state = new SessionRoutingState();
        state.MarkSeen(7);
        Assert.True(state.IsRepeat(7));
        Assert.False(state.IsRepeat(8));
    }

    [Fact]
    public void Ids_older_than_those_remembered_are_repeats_once_the_memory_is_full()
    {
        var state = new SessionRoutingState();
        for (var id = 1; id <= SessionRoutingState.SeenKept + 10; id++)
        {
            state.MarkSeen(id);
        }

        Assert.Equal(SessionRoutingState.SeenKept, state.Seen.Count);
        Assert.True(state.IsRepeat(1));
        Assert.False(state.IsRepeat(SessionRoutingState.SeenKept + 11));
    }
}
