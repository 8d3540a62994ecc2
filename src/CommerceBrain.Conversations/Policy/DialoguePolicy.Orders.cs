using System.Globalization;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Policy;

public sealed partial class DialoguePolicy
{
    private const string WholeOrder = "*";

    private PolicyDecision AnswerOrderStatus(PolicyTurn turn, OrderView order)
    {
        var zh = turn.Zh;
        var money = Money.Format(order.TotalMinor, order.Currency);
        var text = turn.Say(
            $"Order {order.OrderId} from {order.MerchantName} ({Title(order)}, {money}) is {StatusText(order.Status, false)}.",
            $"订单 {order.OrderId}（{order.MerchantName}，{Title(order)}，{money}）状态：{StatusText(order.Status, true)}。");
        if (LatestEvent(order) is { } latest)
        {
            text += turn.Say(
                $" Latest tracking ({order.Shipment!.Carrier} {order.Shipment.TrackingNumber}), {Time(latest.At)}: {latest.Description}, {latest.Location}.",
                $"最新物流（{order.Shipment!.Carrier} {order.Shipment.TrackingNumber}）{Time(latest.At)}：{latest.Location} {latest.Description}。");
        }

        if (order.Status == OrderStatus.Shipped && order.Shipment?.EstimatedDelivery is { } eta)
        {
            text += turn.Say($" Expected delivery: {Date(eta)}.", $"预计送达：{Date(eta)}。");
        }

        if (order.Refunds.Count > 0)
        {
            var refund = order.Refunds[^1];
            text += turn.Say(
                $" Refund {refund.RefundId} ({Money.Format(refund.AmountMinor, order.Currency)}) is {refund.Status.ToString().ToLowerInvariant()}.",
                $"退款 {refund.RefundId}（{Money.Format(refund.AmountMinor, order.Currency)}）：{RefundText(refund.Status)}。");
        }

        turn.State = Answered(turn.State with { Form = null }, "order_status:" + order.OrderId,
            $"Order status {order.OrderId}: {StatusText(order.Status, false)}");
        return Reply(turn, ReplyKind.Answer, text, Intents.OrderStatus, cards: [Card(order, zh)]);
    }

    private async Task<PolicyDecision> AdvanceRefundAsync(PolicyTurn turn, FormState form, OrderView order)
    {
        turn.ActingIntent = Intents.RequestRefund;
        turn.State = turn.State with { Form = form };
        if (order.TotalMinor >= _options.HighValueOrderMinor)
        {
            // Refunds of this much money are decided by a person, with everything the bot gathered.
            return await HandoffAsync(turn, HandoffReasons.HighValueOrder);
        }

        if (order.Status is OrderStatus.PendingPayment or OrderStatus.Cancelled or OrderStatus.Refunded)
        {
            turn.State = turn.State with { Form = null };
            return Reply(turn, ReplyKind.Answer, NotRefundable(turn, order), cards: [Card(order, turn.Zh)]);
        }

        if (form.Slot(FormNames.ItemSlot) is null)
        {
            if (order.Items.Count == 1)
            {
                form = form.With(FormNames.ItemSlot, order.Items[0].Sku);
            }
            else
            {
                turn.State = turn.State with { Form = form with { Awaiting = FormNames.ItemSlot } };
                PendingChoice[] items =
                [
                    .. order.Items.Select(i => new PendingChoice($"{i.Title} ×{i.Quantity} · {Money.Format(i.UnitPriceMinor * i.Quantity, order.Currency)}",
                        i.Title, "item:" + i.Sku)),
                    new(turn.Say("The whole order", "整单退款"), turn.Say("The whole order", "整单退款"), "item:" + WholeOrder),
                ];
                return Reply(turn, ReplyKind.Form, turn.Say($"Which item of order {order.OrderId} is it about?", $"订单 {order.OrderId} 中是哪件商品？"),
                    choices: Offer(turn, items), cards: [Card(order, turn.Zh)]);
            }
        }

        if (form.Slot(FormNames.ReasonSlot) is null)
        {
            turn.State = turn.State with { Form = form with { Awaiting = FormNames.ReasonSlot } };
            PendingChoice[] reasons =
            [
                Choice(turn, "Damaged or defective", "商品损坏或有质量问题", "reason:damaged"),
                Choice(turn, "Wrong item", "发错货", "reason:wrong_item"),
                Choice(turn, "Not as described", "与描述不符", "reason:not_as_described"),
                Choice(turn, "Changed my mind", "不想要了", "reason:changed_mind"),
            ];
            return Reply(turn, ReplyKind.Form, turn.Say("What's the reason for the refund?", "请问退款原因是什么？"), choices: Offer(turn, reasons));
        }

        var sku = form.Slot(FormNames.ItemSlot) is WholeOrder ? null : form.Slot(FormNames.ItemSlot);
        var item = order.Items.FirstOrDefault(i => i.Sku == sku);
        var amount = item is null ? order.TotalMinor : item.UnitPriceMinor * item.Quantity;
        var what = item?.Title ?? turn.Say("the whole order", "整单");
        if (form.Slot(FormNames.ConfirmSlot) is null)
        {
            turn.State = turn.State with { Form = form with { Awaiting = FormNames.ConfirmSlot } };
            return Reply(turn, ReplyKind.Form, turn.Say(
                    $"Shall I request a refund of {Money.Format(amount, order.Currency)} for {what} (order {order.OrderId}), reason: {form.Slot(FormNames.ReasonSlot)}?",
                    $"确认为订单 {order.OrderId} 的「{what}」申请退款 {Money.Format(amount, order.Currency)}，原因：{form.Slot(FormNames.ReasonSlot)}？"),
                choices: Offer(turn, YesNo(turn)), cards: [Card(order, turn.Zh)]);
        }

        turn.State = turn.State with { Form = null };
        var result = await desk.RequestRefundAsync(order.OrderId,
            new RefundRequest(turn.Context.CustomerId, sku, form.Slot(FormNames.ReasonSlot)!, turn.Context.RequestId), turn.CancellationToken);
        return RefundOutcome(turn, order, result, what);
    }

    private PolicyDecision RefundOutcome(PolicyTurn turn, OrderView order, RefundRequestResult result, string what)
    {
        if (result.Refund is { } refund && !turn.State.RefundIds.Contains(refund.RefundId))
        {
            // Kept so a refund the merchant contests later can be tied back to this conversation (the dispute module's seam).
            turn.State = turn.State with { RefundIds = [.. turn.State.RefundIds, refund.RefundId] };
        }

        switch (result.Outcome)
        {
            case RefundRequestOutcome.Requested:
                var r = result.Refund!;
                turn.State = Answered(turn.State, "refund:" + r.RefundId, $"Refund {r.RefundId} requested for order {order.OrderId}");
                return Reply(turn, ReplyKind.Answer, turn.Say(
                    $"Done — refund request {r.RefundId} for {Money.Format(r.AmountMinor, order.Currency)} ({what}) is submitted. The seller has 48 hours to respond; you can follow it under My Orders.",
                    $"已提交退款申请 {r.RefundId}，金额 {Money.Format(r.AmountMinor, order.Currency)}（{what}）。卖家将在 48 小时内处理，您可以在「我的订单」中查看进度。"));
            case RefundRequestOutcome.AlreadyRequested:
                var existing = result.Refund;
                turn.State = Answered(turn.State, "refund:" + existing?.RefundId, $"Refund already open on order {order.OrderId}");
                return Reply(turn, ReplyKind.Answer, turn.Say(
                    $"There is already a refund request{(existing is null ? "" : $" ({existing.RefundId}, {existing.Status.ToString().ToLowerInvariant()})")} for {what} on order {order.OrderId}, so I didn't open a second one.",
                    $"订单 {order.OrderId} 的「{what}」已有退款申请{(existing is null ? "" : $"（{existing.RefundId}，{RefundText(existing.Status)}）")}，无需重复申请。"));
            case RefundRequestOutcome.NotRefundable:
                return Reply(turn, ReplyKind.Answer, NotRefundable(turn, order));
            default:
                return Reply(turn, ReplyKind.Answer, turn.Say(
                    $"I couldn't find {what} on order {order.OrderId} for your account, so nothing was requested.",
                    $"在您的订单 {order.OrderId} 中没有找到「{what}」，未提交申请。"));
        }
    }

    private static string NotRefundable(PolicyTurn turn, OrderView order) => order.Status switch
    {
        OrderStatus.PendingPayment => turn.Say(
            $"Order {order.OrderId} hasn't been paid yet, so there is nothing to refund — you can simply cancel it.",
            $"订单 {order.OrderId} 尚未付款，无需退款，直接取消即可。"),
        OrderStatus.Refunded => turn.Say($"Order {order.OrderId} has already been refunded in full.", $"订单 {order.OrderId} 已全额退款。"),
        _ => turn.Say(
            $"Order {order.OrderId} was cancelled or not paid, so there is nothing to refund.",
            $"订单 {order.OrderId} 已取消或未付款，没有可退的款项。"),
    };

    private async Task<PolicyDecision> AdvanceAddressAsync(PolicyTurn turn, FormState form, OrderView order)
    {
        turn.ActingIntent = Intents.ChangeAddress;
        if (order.Status is not (OrderStatus.PendingPayment or OrderStatus.Paid))
        {
            turn.State = turn.State with { Form = null };
            return TooLate(turn, order);
        }

        if (form.Slot(FormNames.AddressSlot) is not { } address)
        {
            turn.State = turn.State with { Form = form with { Awaiting = FormNames.AddressSlot } };
            return Reply(turn, ReplyKind.Form, turn.Say(
                $"What is the new delivery address for order {order.OrderId}? Please include street, building number and city.",
                $"订单 {order.OrderId} 的新收货地址是什么？请包含街道、门牌号和城市。"), cards: [Card(order, turn.Zh)]);
        }

        if (form.Slot(FormNames.ConfirmSlot) is null)
        {
            turn.State = turn.State with { Form = form with { Awaiting = FormNames.ConfirmSlot } };
            return Reply(turn, ReplyKind.Form, turn.Say(
                $"Change the delivery address of order {order.OrderId} to \"{address}\"?",
                $"确认将订单 {order.OrderId} 的收货地址改为「{address}」？"), choices: Offer(turn, YesNo(turn)));
        }

        turn.State = turn.State with { Form = null };
        var result = await desk.ChangeAddressAsync(order.OrderId,
            new AddressChange(turn.Context.CustomerId, address, turn.Context.RequestId), turn.CancellationToken);
        switch (result.Outcome)
        {
            case AddressChangeOutcome.Changed:
                turn.State = Answered(turn.State, "address:" + order.OrderId, $"Address of order {order.OrderId} changed");
                return Reply(turn, ReplyKind.Answer, turn.Say(
                    $"Done — order {order.OrderId} will be delivered to \"{result.Order?.ShippingAddress ?? address}\".",
                    $"已修改，订单 {order.OrderId} 将配送至「{result.Order?.ShippingAddress ?? address}」。"),
                    cards: result.Order is { } changed ? [Card(changed, turn.Zh)] : null);
            case AddressChangeOutcome.TooLate:
                return TooLate(turn, result.Order ?? order);
            default:
                return Reply(turn, ReplyKind.Answer, NotYourOrder(turn, order.OrderId));
        }
    }

    private PolicyDecision TooLate(PolicyTurn turn, OrderView order)
    {
        var courier = order.Shipment is { } s ? turn.Say($" ({s.Carrier}, tracking number {s.TrackingNumber})", $"（{s.Carrier}，运单号 {s.TrackingNumber}）") : "";
        var text = order.Status is OrderStatus.Cancelled or OrderStatus.Refunded
            ? turn.Say($"Order {order.OrderId} is {StatusText(order.Status, false)}, so its address can't be changed.",
                $"订单 {order.OrderId} {StatusText(order.Status, true)}，无法修改地址。")
            : turn.Say(
                $"Order {order.OrderId} has already shipped{courier}, so its address can no longer be changed. You can ask the courier to redirect it, refuse the delivery and request a refund, or talk to a person.",
                $"订单 {order.OrderId} 已发货{courier}，无法再修改地址。您可以联系快递改派、拒收后申请退款，或转人工客服。");
        turn.State = Answered(turn.State, "address_too_late:" + order.OrderId, $"Address of order {order.OrderId} too late to change");
        return Reply(turn, ReplyKind.Answer, text, Intents.ChangeAddress, choices: Offer(turn,
        [
            Choice(turn, "Request a refund", "申请退款", "intent:" + Intents.RequestRefund),
            Choice(turn, "Talk to a person", "转人工", "intent:" + Intents.HumanAgent),
        ]), cards: [Card(order, turn.Zh)]);
    }

    private static PendingChoice[] YesNo(PolicyTurn turn) =>
    [
        Choice(turn, "Yes", "确认", "confirm:yes"),
        Choice(turn, "No", "不用了", "confirm:no"),
    ];

    internal static OrderCard Card(OrderView order, bool zh) => new(
        order.OrderId, order.MerchantName, SnakeCase(order.Status), Title(order), order.Items.Sum(i => i.Quantity),
        order.TotalMinor, order.Currency, LatestEvent(order) is { } e ? $"{Time(e.At)} {e.Location} {e.Description}" : null, order.PlacedAt);

    private static string Title(OrderView order) => order.Items.Count switch
    {
        0 => order.OrderId,
        1 => order.Items[0].Title,
        var n => $"{order.Items[0].Title} +{n - 1}",
    };

    private static TrackingEventView? LatestEvent(OrderView order) =>
        order.Shipment?.Events.Count > 0 ? order.Shipment.Events.MaxBy(e => e.At) : null;

    internal static string StatusText(OrderStatus status, bool zh) => (status, zh) switch
    {
        (OrderStatus.PendingPayment, false) => "waiting for payment",
        (OrderStatus.PendingPayment, true) => "待付款",
        (OrderStatus.Paid, false) => "paid and waiting for the seller to ship",
        (OrderStatus.Paid, true) => "已付款，等待卖家发货",
        (OrderStatus.Shipped, false) => "on its way",
        (OrderStatus.Shipped, true) => "已发货，运输中",
        (OrderStatus.Delivered, false) => "delivered",
        (OrderStatus.Delivered, true) => "已签收",
        (OrderStatus.Completed, false) => "completed",
        (OrderStatus.Completed, true) => "已完成",
        (OrderStatus.Cancelled, false) => "cancelled",
        (OrderStatus.Cancelled, true) => "已取消",
        (_, false) => "refunded",
        _ => "已退款",
    };

    private static string RefundText(RefundStatus status) => status switch
    {
        RefundStatus.Requested => "处理中",
        RefundStatus.Approved => "已同意",
        RefundStatus.Rejected => "已拒绝",
        RefundStatus.Contested => "争议中",
        _ => "已退款",
    };

    private static string SnakeCase(OrderStatus status) => status == OrderStatus.PendingPayment ? "pending_payment" : status.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
