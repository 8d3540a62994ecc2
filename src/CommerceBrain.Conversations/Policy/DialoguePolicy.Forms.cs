using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Policy;

public sealed partial class DialoguePolicy
{
    private static readonly char[] AddressMarks = ['路', '街', '道', '号', '区', '市', '省', '镇', '村', '巷', '弄', '栋', '室', '楼', '县'];

    /// <summary>Opens a form; the order comes from the message (id, "my last order", "that order") or <paramref name="order"/>.</summary>
    private async Task<PolicyDecision> StartFormAsync(PolicyTurn turn, string name, OrderView? order = null)
    {
        var form = new FormState(name, new Dictionary<string, string>(StringComparer.Ordinal), null);
        turn.ActingIntent ??= IntentNames.OfForm(name);
        if (order is null)
        {
            var lookup = await LookupOrderAsync(turn);
            if (lookup.UnknownId is { } unknown)
            {
                return await AskForOrderAsync(turn, form, NotYourOrder(turn, unknown));
            }

            order = lookup.Order;
        }

        if (order is not null)
        {
            form = form.With(FormNames.OrderSlot, order.OrderId);
        }

        if (name == FormNames.ChangeAddress && AddressInText(turn.Text) is { } address && ValidateAddress(turn, address) is null)
        {
            form = form.With(FormNames.AddressSlot, address);
        }

        return await AdvanceAsync(turn, form);
    }

    /// <summary>Asks for the next missing slot, or acts when the form is complete.</summary>
    private async Task<PolicyDecision> AdvanceAsync(PolicyTurn turn, FormState form)
    {
        turn.State = turn.State with { NoMatchStreak = 0 };
        if (form.Slot(FormNames.OrderSlot) is not { } orderId)
        {
            return await AskForOrderAsync(turn, form, null);
        }

        var order = await desk.GetOrderAsync(orderId, turn.CancellationToken);
        if (order is null || order.CustomerId != turn.Context.CustomerId)
        {
            var without = form with { Slots = form.Slots.Where(s => s.Key != FormNames.OrderSlot).ToDictionary(StringComparer.Ordinal) };
            return await AskForOrderAsync(turn, without, NotYourOrder(turn, orderId));
        }

        turn.State = Touch(turn.State, order.OrderId) with { LastOrderTopic = IntentNames.OfForm(form.Name) };
        return form.Name switch
        {
            FormNames.Refund => await AdvanceRefundAsync(turn, form with { Awaiting = null }, order),
            FormNames.ChangeAddress => await AdvanceAddressAsync(turn, form with { Awaiting = null }, order),
            _ => AnswerOrderStatus(turn, order),
        };
    }

    private async Task<PolicyDecision> AskForOrderAsync(PolicyTurn turn, FormState form, string? prefix)
    {
        var recent = await desk.RecentOrdersAsync(turn.Context.CustomerId, _options.RecentOrders, turn.CancellationToken);
        if (recent.Count == 0)
        {
            turn.State = turn.State with { Form = null };
            return Reply(turn, ReplyKind.Answer, prefix + turn.Say(
                "I can't find any orders on your account. If you have an order number, send it to me.",
                "您的账户下没有找到订单。如果您有订单号，请发给我。"));
        }

        if (recent.Count == 1 && prefix is null)
        {
            return await AdvanceAsync(turn, form.With(FormNames.OrderSlot, recent[0].OrderId));
        }

        turn.State = turn.State with { Form = form with { Awaiting = FormNames.OrderSlot } };
        var choices = recent.Take(4).Select(o => new PendingChoice(
            $"{o.OrderId} · {o.MerchantName} · {Title(o)} · {Money.Format(o.TotalMinor, o.Currency)}", o.OrderId, "order:" + o.OrderId)).ToArray();
        return Reply(turn, ReplyKind.Form, prefix + turn.Say("Which order is it about? Pick one or send the order number.", "请问是哪个订单？请选择或发送订单号。"),
            choices: Offer(turn, choices), cards: recent.Take(4).Select(o => Card(o, turn.Zh)).ToArray());
    }

    /// <summary>Reads a free-text answer to the awaited slot; null when the message is about something else.</summary>
    private async Task<PolicyDecision?> FillSlotAsync(PolicyTurn turn, FormState form)
    {
        switch (form.Awaiting)
        {
            case FormNames.OrderSlot:
                var lookup = await LookupOrderAsync(turn);
                if (lookup.Order is { } order)
                {
                    return await AdvanceAsync(turn, form.With(FormNames.OrderSlot, order.OrderId));
                }

                if (lookup.UnknownId is { } unknown)
                {
                    return await AskForOrderAsync(turn, form, NotYourOrder(turn, unknown));
                }

                return SwitchesTopic(turn, form, anyIntent: true) ? null
                    : await AskForOrderAsync(turn, form, turn.Say("Sorry, I didn't catch which order. ", "抱歉，我没看明白是哪个订单。"));
            case FormNames.ItemSlot:
                var chosen = await desk.GetOrderAsync(form.Slot(FormNames.OrderSlot)!, turn.CancellationToken);
                if (chosen is not null && MatchItem(turn.Normalized, chosen) is { } sku)
                {
                    return await AdvanceAsync(turn, form.With(FormNames.ItemSlot, sku));
                }

                return SwitchesTopic(turn, form, anyIntent: true) ? null : await AdvanceAsync(turn, form);
            case FormNames.ReasonSlot:
                // Almost anything is a reason ("it arrived broken" reads as damaged_item): only a form-level topic switches.
                if (SwitchesTopic(turn, form, anyIntent: false))
                {
                    return null;
                }

                return await AdvanceAsync(turn, form.With(FormNames.ReasonSlot, Shorten(Privacy.PersonalDataMasker.Mask(turn.Text), 200)));
            case FormNames.AddressSlot:
                var labelled = AddressInText(turn.Text);
                var address = labelled ?? turn.Text;
                // "where is my order 2026…" has a number and words too: a confident request for another action wins,
                // unless the customer labelled the address ("new address: …").
                if (labelled is null && SwitchesTopic(turn, form, anyIntent: false))
                {
                    return null;
                }

                if (ValidateAddress(turn, address) is not { } problem)
                {
                    return await AdvanceAsync(turn, form.With(FormNames.AddressSlot, address));
                }

                if (SwitchesTopic(turn, form, anyIntent: true))
                {
                    return null;
                }

                turn.State = turn.State with { Form = form };
                return Reply(turn, ReplyKind.Form, problem, IntentNames.OfForm(form.Name));
            case FormNames.ConfirmSlot:
                switch (CustomerPhrases.YesOrNo(turn.Text))
                {
                    case true:
                        return await AdvanceAsync(turn, form.With(FormNames.ConfirmSlot, "yes"));
                    case false:
                        return Declined(turn);
                }

                return SwitchesTopic(turn, form, anyIntent: true) ? null : await AdvanceAsync(turn, form);
            default:
                return null;
        }
    }

    /// <summary>Fills a slot from a quick reply the customer picked.</summary>
    private async Task<PolicyDecision> FillChosenSlotAsync(PolicyTurn turn, FormState form, string slot, string value, string label)
    {
        turn.ActingIntent = IntentNames.OfForm(form.Name);
        return slot switch
        {
            "order" => await AdvanceAsync(turn, form.With(FormNames.OrderSlot, value)),
            "item" => await AdvanceAsync(turn, form.With(FormNames.ItemSlot, value)),
            "reason" => await AdvanceAsync(turn, form.With(FormNames.ReasonSlot, label)),
            "confirm" when value == "yes" => await AdvanceAsync(turn, form.With(FormNames.ConfirmSlot, "yes")),
            _ => Declined(turn),
        };
    }

    private PolicyDecision Declined(PolicyTurn turn)
    {
        turn.State = turn.State with { Form = null };
        return Reply(turn, ReplyKind.Answer, turn.Say(
            "OK, I haven't changed anything. Anything else I can help with?",
            "好的，我没有做任何修改。还有什么可以帮您？"));
    }

    /// <summary>True when the message confidently asks for something else than the open form.</summary>
    private bool SwitchesTopic(PolicyTurn turn, FormState form, bool anyIntent)
    {
        var u = turn.Understanding;
        if (u.OutOfScope || u.Confidence < _options.TopicSwitchConfidence)
        {
            return false;
        }

        var other = IntentNames.Family(u.Intent) != IntentNames.Family(IntentNames.OfForm(form.Name));
        return other && (anyIntent || IntentNames.IsActionable(u.Intent));
    }

    /// <summary>The order the message names or refers to, checked against the customer's orders.</summary>
    private async Task<OrderLookup> LookupOrderAsync(PolicyTurn turn)
    {
        var ct = turn.CancellationToken;
        var ids = turn.Understanding.Entities.Where(e => e.Kind == "OrderId").Select(e => e.Value)
            .Concat(CustomerPhrases.OrderIdCandidates(turn.Text))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        foreach (var id in ids)
        {
            if (await desk.GetOrderAsync(id, ct) is { } order && order.CustomerId == turn.Context.CustomerId)
            {
                return new OrderLookup(order, null);
            }
        }

        if (ids.Length > 0)
        {
            return new OrderLookup(null, ids[0]);
        }

        if (CustomerPhrases.MentionsLastOrder(turn.Text))
        {
            var recent = await desk.RecentOrdersAsync(turn.Context.CustomerId, 1, ct);
            return new OrderLookup(recent.Count > 0 ? recent[0] : null, null);
        }

        if (CustomerPhrases.MentionsOtherOrder(turn.Text))
        {
            var recent = await desk.RecentOrdersAsync(turn.Context.CustomerId, _options.RecentOrders, ct);
            var touched = turn.State.OrdersTouched;
            var other = recent.FirstOrDefault(o => !touched.Contains(o.OrderId))
                ?? recent.FirstOrDefault(o => o.OrderId != turn.State.CurrentOrder);
            return new OrderLookup(other, null);
        }

        if (turn.State.CurrentOrder is { } current && CustomerPhrases.MentionsCurrentOrder(turn.Text))
        {
            return new OrderLookup(await desk.GetOrderAsync(current, ct), null);
        }

        return OrderLookup.None;
    }

    /// <summary>"and the other one?" / "what about that order?" without a topic: the last order topic, for that order.</summary>
    private async Task<PolicyDecision?> FollowOrderReferenceAsync(PolicyTurn turn)
    {
        var u = turn.Understanding;
        var refers = CustomerPhrases.MentionsOtherOrder(turn.Text) || CustomerPhrases.MentionsCurrentOrder(turn.Text);
        if (!refers || turn.State.LastOrderTopic is not { } topic
            || !u.OutOfScope && u.Confidence >= _options.IntentThreshold && IntentNames.IsActionable(u.Intent))
        {
            return null;
        }

        var lookup = await LookupOrderAsync(turn);
        if (lookup.Order is null)
        {
            return CustomerPhrases.MentionsOtherOrder(turn.Text)
                ? Reply(turn, ReplyKind.Answer, turn.Say("I don't see another recent order on your account.", "您的账户下没有其他近期订单。"), topic)
                : null;
        }

        Note(turn, topic);
        var form = topic switch
        {
            Intents.RequestRefund or Intents.ReturnItem => FormNames.Refund,
            Intents.ChangeAddress => FormNames.ChangeAddress,
            _ => FormNames.OrderStatus,
        };
        return await StartFormAsync(turn, form, lookup.Order);
    }

    private static string NotYourOrder(PolicyTurn turn, string id) => turn.Say(
        $"I can't find order {id} on your account. ", $"您的账户下没有找到订单 {id}。");

    private static string? MatchItem(string normalized, OrderView order)
    {
        if (normalized is "whole order" or "all" or "everything" or "the whole order" or "all items" or "整单" or "全部" or "全部商品")
        {
            return WholeOrder;
        }

        return order.Items.FirstOrDefault(i => normalized.Length >= 3
                && (CustomerPhrases.Normalize(i.Title).Contains(normalized, StringComparison.Ordinal)
                    || normalized.Contains(CustomerPhrases.Normalize(i.Title), StringComparison.Ordinal)
                    || string.Equals(i.Sku, normalized, StringComparison.OrdinalIgnoreCase)))
            ?.Sku;
    }

    // "please change address: Room 1203, 88 Xinhua Road" carries the address after the colon.
    private static string? AddressInText(string text)
    {
        var colon = text.IndexOfAny([':', '：']);
        return colon >= 0 && colon < text.Length - 1 ? text[(colon + 1)..].Trim() : null;
    }

    /// <summary>Null when <paramref name="address"/> looks like a delivery address; otherwise what to ask the customer.</summary>
    private string? ValidateAddress(PolicyTurn turn, string address)
    {
        address = address.Trim();
        if (address.Length < _options.MinAddressLength || address.Length > _options.MaxAddressLength)
        {
            return turn.Say(
                $"An address needs {_options.MinAddressLength}–{_options.MaxAddressLength} characters. Please send the full new address (street, number, city).",
                $"地址长度需要在 {_options.MinAddressLength}–{_options.MaxAddressLength} 个字符之间，请发送完整的新地址（街道、门牌号、城市）。");
        }

        var hasNumber = address.Any(char.IsDigit);
        var hasMark = address.IndexOfAny(AddressMarks) >= 0;
        var words = address.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Length;
        if (!(hasNumber && (words >= 2 || hasMark)) && !(hasMark && address.Count(SentimentScorer.IsCjk) >= 6))
        {
            return turn.Say(
                "That doesn't look like an address yet. Please send the full new address with street, building number and city.",
                "这看起来还不是完整的地址，请发送包含街道、门牌号和城市的完整新地址。");
        }

        return null;
    }
}
