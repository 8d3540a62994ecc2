using System.Text;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Conversations.Contracts;

namespace CommerceBrain.Conversations.Policy;

public sealed partial class DialoguePolicy
{
    /// <summary>Lists the customer's coupons and, when one does not work, says why each unusable one is unusable.</summary>
    private async Task<PolicyDecision> CouponsAsync(PolicyTurn turn, string intent)
    {
        turn.State = turn.State with { NoMatchStreak = 0 };
        var ct = turn.CancellationToken;
        var coupons = await desk.CouponsAsync(turn.Context.CustomerId, ct);
        var order = (await LookupOrderAsync(turn)).Order
            ?? (turn.State.CurrentOrder is { } current ? await desk.GetOrderAsync(current, ct) : null);
        if (order is not null)
        {
            turn.State = Touch(turn.State, order.OrderId);
        }

        var shop = turn.Context.MerchantId ?? order?.MerchantId;
        var now = turn.Context.Now;
        turn.State = Answered(turn.State, "coupons", $"Coupons listed ({coupons.Count})");
        if (coupons.Count == 0)
        {
            return Reply(turn, ReplyKind.Answer, turn.Say(
                "You have no coupons right now. You can claim coupons in the Coupon Center and on shop pages.",
                "您目前没有优惠券，可以在领券中心或店铺页面领取。"), intent);
        }

        var text = new StringBuilder();
        var usable = coupons.Where(c => c.Status == CouponStatus.Available && c.ExpiresAt > now).ToArray();
        text.Append(usable.Length == 0
            ? turn.Say("None of your coupons can be used right now.", "您目前没有可用的优惠券。")
            : turn.Say($"You have {usable.Length} coupon(s) you can use:", $"您有 {usable.Length} 张可用优惠券："));
        foreach (var coupon in usable)
        {
            text.Append('\n').Append(Describe(turn, coupon, order));
        }

        if (intent == Intents.CouponNotWorking || usable.Length < coupons.Count)
        {
            var problems = coupons.Select(c => (Coupon: c, Why: WhyNot(turn, c, order, shop))).Where(p => p.Why is not null).ToArray();
            if (problems.Length > 0)
            {
                text.Append('\n').Append(turn.Say("Why some don't apply:", "部分优惠券不能使用的原因："));
                foreach (var (coupon, why) in problems)
                {
                    text.Append('\n').Append("• ").Append(coupon.Title).Append(turn.Say(": ", "：")).Append(why);
                }
            }
            else if (intent == Intents.CouponNotWorking)
            {
                text.Append('\n').Append(turn.Say(
                    "A coupon applies only when the items from its shop reach the minimum spend, before it expires; platform coupons work in every shop. Check that the cart meets the minimum after other discounts.",
                    "优惠券需在有效期内、且同一店铺商品满足最低消费才能使用；平台券全店通用。请确认优惠后的金额仍满足门槛。"));
            }
        }

        return Reply(turn, ReplyKind.Answer, text.ToString(), intent);
    }

    private static string Describe(PolicyTurn turn, CouponView coupon, OrderView? order)
    {
        var face = Money.Format(coupon.FaceValueMinor, "CNY");
        var min = Money.Format(coupon.MinSpendMinor, "CNY");
        var scope = coupon.MerchantId is null
            ? turn.Say("platform coupon, any shop", "平台券，全店通用")
            : order?.MerchantId == coupon.MerchantId
                ? turn.Say($"only in {order.MerchantName}", $"仅限 {order.MerchantName}")
                : turn.Say("only in the shop that issued it", "仅限发券店铺");
        return coupon.MinSpendMinor > 0
            ? turn.Say($"• {coupon.Title}: {face} off orders of {min} or more ({scope}), valid until {Date(coupon.ExpiresAt)}",
                $"• {coupon.Title}：满 {min} 减 {face}（{scope}），有效期至 {Date(coupon.ExpiresAt)}")
            : turn.Say($"• {coupon.Title}: {face} off, no minimum ({scope}), valid until {Date(coupon.ExpiresAt)}",
                $"• {coupon.Title}：无门槛减 {face}（{scope}），有效期至 {Date(coupon.ExpiresAt)}");
    }

    /// <summary>Why <paramref name="coupon"/> cannot be used (for the order in view, in the shop in view); null when it can.</summary>
    private static string? WhyNot(PolicyTurn turn, CouponView coupon, OrderView? order, string? shop)
    {
        if (coupon.Status == CouponStatus.Used)
        {
            return turn.Say("already used", "已使用");
        }

        if (coupon.Status == CouponStatus.Expired || coupon.ExpiresAt <= turn.Context.Now)
        {
            return turn.Say($"expired on {Date(coupon.ExpiresAt)}", $"已于 {Date(coupon.ExpiresAt)} 过期");
        }

        if (coupon.MerchantId is not null && shop is not null && coupon.MerchantId != shop)
        {
            return turn.Say("it belongs to another shop and only works there", "这是其他店铺的券，只能在该店铺使用");
        }

        if (order is not null && coupon.MinSpendMinor > order.TotalMinor)
        {
            return turn.Say(
                $"needs a spend of {Money.Format(coupon.MinSpendMinor, order.Currency)}; order {order.OrderId} is {Money.Format(order.TotalMinor, order.Currency)}",
                $"需满 {Money.Format(coupon.MinSpendMinor, order.Currency)}，订单 {order.OrderId} 金额为 {Money.Format(order.TotalMinor, order.Currency)}");
        }

        return null;
    }

    /// <summary>A complaint: a person takes it when a high-value order is involved; otherwise the bot answers what it can.</summary>
    private async Task<PolicyDecision> ComplaintAsync(PolicyTurn turn)
    {
        var lookup = await LookupOrderAsync(turn);
        var order = lookup.Order ?? (turn.State.CurrentOrder is { } current ? await desk.GetOrderAsync(current, turn.CancellationToken) : null);
        if (order is not null && order.CustomerId == turn.Context.CustomerId)
        {
            turn.State = Touch(turn.State, order.OrderId);
            if (order.TotalMinor >= _options.HighValueOrderMinor)
            {
                return await HandoffAsync(turn, HandoffReasons.HighValueOrder);
            }
        }

        turn.State = turn.State with { NoMatchStreak = 0 };
        var u = turn.Understanding;
        var answer = u.Faq == Nlu.Contracts.FaqVerdict.Answer && u.FaqHits.Count > 0 ? "\n" + u.FaqHits[0].Answer : "";
        if (answer.Length > 0)
        {
            turn.State = Answered(turn.State, "faq:" + u.FaqHits[0].Id, $"FAQ {u.FaqHits[0].Id}: {Shorten(u.FaqHits[0].Question, 80)}");
        }

        return Reply(turn, ReplyKind.Answer, turn.Say(
                "I'm sorry this went wrong. Tell me the order it is about and what happened, or I can connect you with a person.",
                "非常抱歉给您带来不好的体验。请告诉我是哪个订单、发生了什么，或者我可以为您转接人工客服。") + answer,
            Intents.Complaint, choices: Offer(turn, [Choice(turn, "Talk to a person", "转人工", "intent:" + Intents.HumanAgent)]));
    }
}
