namespace CommerceBrain.Conversations.Policy;

public sealed partial class DialoguePolicy
{
    /// <summary>The offered choice the message picks: its label or value, or its 1-based number.</summary>
    private static PendingChoice? MatchChoice(PolicyTurn turn)
    {
        var offered = turn.Previous.PendingChoices;
        if (offered.Count == 0)
        {
            return null;
        }

        var text = turn.Normalized;
        foreach (var choice in offered)
        {
            if (text == CustomerPhrases.Normalize(choice.Value) || text == CustomerPhrases.Normalize(choice.Label))
            {
                return choice;
            }
        }

        return int.TryParse(text, out var number) && number >= 1 && number <= offered.Count ? offered[number - 1] : null;
    }

    private async Task<PolicyDecision> FollowChoiceAsync(PolicyTurn turn, PendingChoice choice)
    {
        var split = choice.Action.IndexOf(':', StringComparison.Ordinal);
        var (kind, value) = (choice.Action[..split], choice.Action[(split + 1)..]);
        turn.ActingConfidence = 1f;
        switch (kind)
        {
            case "intent":
                return await RouteChosenAsync(turn, value);
            case "faq":
                // Choices keep only the FAQ id; its answer comes from the engine again (answers may have been edited).
                var again = await understanding.UnderstandAsync(choice.Label, turn.Context.MerchantId, turn.CancellationToken);
                if (again.FaqHits.FirstOrDefault(h => h.Id == value) is { } hit)
                {
                    return await AnswerFaqAsync(turn, hit with { Score = 1f });
                }

                return await NoMatchAsync(turn, null);
            default:
                if (turn.State.Form is { } form)
                {
                    return await FillChosenSlotAsync(turn, form, kind, value, choice.Label);
                }

                return await NoMatchAsync(turn, null);
        }
    }

    private async Task<PolicyDecision> RouteChosenAsync(PolicyTurn turn, string intent)
    {
        turn.State = turn.State with { Form = null };
        Note(turn, intent);
        return intent switch
        {
            Intents.HumanAgent => await HandoffAsync(turn, HandoffReasons.Requested),
            Intents.OrderStatus => await StartFormAsync(turn, FormNames.OrderStatus),
            Intents.RequestRefund or Intents.ReturnItem => await StartFormAsync(turn, FormNames.Refund),
            Intents.ChangeAddress => await StartFormAsync(turn, FormNames.ChangeAddress),
            Intents.CouponNotWorking or Intents.HowToUseCoupon => await CouponsAsync(turn, intent),
            Intents.Complaint => await ComplaintAsync(turn),
            _ => await NoMatchAsync(turn, intent),
        };
    }
}
