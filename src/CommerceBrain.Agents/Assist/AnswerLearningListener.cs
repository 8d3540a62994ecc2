using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// Feeds <see cref="AgentAnswerIndex"/>: when a session is resolved by an agent, each agent answer is paired with the
/// customer's message before it. Answers that drew a warning are never learned (a rude or over-generous reply must not
/// come back as a suggestion). The session grain calls listeners off its own turn, so reading the session here is safe.
/// </summary>
public sealed class AnswerLearningListener(IGrainFactory grains, AgentAnswerIndex index) : ISessionLifecycleListener
{
    /// <inheritdoc />
    public async Task OnSessionEventAsync(SessionLifecycleEvent lifecycleEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        if (lifecycleEvent.Kind != SessionLifecycleKind.Resolved)
        {
            return;
        }

        var view = await grains.GetGrain<ISessionGrain>(lifecycleEvent.SessionId).Get().WaitAsync(cancellationToken);
        if (view is null)
        {
            return;
        }

        foreach (var pair in Pairs(view))
        {
            index.Learn(pair);
        }
    }

    /// <summary>The (customer question → agent answer) pairs of a transcript: an agent line answers the last customer line before it.</summary>
    public static IEnumerable<LearnedAnswer> Pairs(SessionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var warned = (view.AgentWarnings ?? []).Select(w => w.EventId).ToHashSet();
        string? question = null;
        foreach (var line in view.Transcript)
        {
            switch (line.Author)
            {
                case "customer":
                    question = line.Text;
                    break;
                case "agent" when question is not null:
                    if (!warned.Contains(line.EventId))
                    {
                        yield return new LearnedAnswer(question, line.Text, view.SessionId);
                    }

                    question = null;
                    break;
            }
        }
    }
}
