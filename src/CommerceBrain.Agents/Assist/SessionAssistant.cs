using CommerceBrain.Agents.Api;
using CommerceBrain.Conversations.Contracts;
using CommerceBrain.Nlu.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// Builds the assist for a session's latest customer message: FAQ answers (platform and the session's shop, through
/// <see cref="IUnderstandingGrain"/>), earlier agent answers to similar questions (<see cref="AgentAnswerIndex"/>), next
/// actions and phrasing tips.
/// </summary>
public sealed partial class SessionAssistant(IGrainFactory grains, AgentAnswerIndex answers, IOptions<AgentsOptions> options,
    ILogger<SessionAssistant> logger)
{
    /// <summary>The assist for <paramref name="view"/>.</summary>
    public async Task<AssistResponse> AssistAsync(SessionView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        using var activity = AgentsTelemetry.Source.StartActivity("agents.assist");
        var settings = options.Value.Assist;
        var packet = view.Handoff;
        var latest = view.Transcript.LastOrDefault(l => l.Author == "customer");
        var lastAgent = view.Transcript.LastOrDefault(l => l.Author == "agent");
        // Greeting matters until this agent's first reply: after the last system line ("… joined the conversation").
        var agentHasReplied = lastAgent is not null && lastAgent.Seq > (view.Transcript.LastOrDefault(l => l.Author == "system")?.Seq ?? 0);

        Understanding? understanding = null;
        var candidates = new List<AssistSuggestion>();
        if (latest is not null)
        {
            try
            {
                understanding = await grains.GetGrain<IUnderstandingGrain>(0).Understand(new UnderstandingRequest(latest.Text, view.MerchantId))
                    .WaitAsync(cancellationToken);
                candidates.AddRange(understanding.FaqHits.Select(h => new AssistSuggestion(h.Answer, h.MerchantId is null ? "faq" : "shop-faq", h.Score)));
            }
            catch (ModelsNotReadyException)
            {
                // Models still loading on this silo: the learned answers and actions still help.
                Log.ModelsNotReady(logger, view.SessionId);
            }

            candidates.AddRange(answers.Similar(latest.Text, settings.MaxSuggestions, settings.MinSuggestionScore)
                .Select(a => new AssistSuggestion(a.Pair.Answer, "agent-history", Math.Round(a.Score, 4))));
        }

        var chinese = string.Equals(understanding?.Language ?? packet?.Language, "zh", StringComparison.Ordinal);
        var mentioned = latest is null ? [] : OtherCustomerRule.MentionedOrderIds(latest.Text);
        var orders = mentioned.Concat(packet?.OrdersTouched ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var intents = (understanding is { OutOfScope: false } u ? [u.Intent] : Array.Empty<string>()).Concat(packet?.Intents ?? []);
        var sentiment = packet?.Sentiment ?? 0f;
        return new AssistResponse(
            latest?.EventId ?? 0,
            SuggestionRanking.Rank(candidates, settings.MaxSuggestions, settings.MinSuggestionScore),
            NextActions.For(latest?.Text, intents, orders, sentiment, chinese),
            PhrasingTips.For(chinese, packet?.CustomerName, agentHasReplied, sentiment, lastAgent?.Text),
            view.AgentWarnings ?? []);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Assist for session {SessionId} without FAQ answers: models not ready")]
        public static partial void ModelsNotReady(ILogger logger, string sessionId);
    }
}
