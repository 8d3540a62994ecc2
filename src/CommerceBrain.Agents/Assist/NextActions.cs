using System.Text.RegularExpressions;

namespace CommerceBrain.Agents.Assist;

/// <summary>
/// Next steps from the customer's latest message, the intents (the NLU's for that message and the packet's) and the
/// orders in play (named in the message, then the packet's): look each order up; start a refund, open a dispute or change
/// the address when the intent or the words ask for it.
/// </summary>
public static partial class NextActions
{
    private const int MaxOrders = 3;

    /// <summary>The actions, lookups first.</summary>
    public static IReadOnlyList<AssistAction> For(string? latestMessage, IEnumerable<string> intents, IReadOnlyList<string> orders, float sentiment, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(orders);
        var text = latestMessage ?? string.Empty;
        var said = intents.Where(i => !string.IsNullOrEmpty(i)).ToArray();
        var first = orders.Count > 0 ? orders[0] : null;
        var actions = new List<AssistAction>();
        if (orders.Count == 0)
        {
            actions.Add(new AssistAction("lookup_order", null, chinese ? "查看客户的订单" : "Look up the customer's orders"));
        }

        foreach (var order in orders.Take(MaxOrders))
        {
            actions.Add(new AssistAction("lookup_order", order, chinese ? $"查看订单 {order}" : $"Look up order {order}"));
        }

        if (said.Any(i => i.Contains("refund", StringComparison.Ordinal) || i.Contains("return", StringComparison.Ordinal)) || RefundRegex().IsMatch(text))
        {
            actions.Add(new AssistAction("start_refund", first, chinese ? "发起退款" : first is null ? "Start a refund" : $"Start a refund for order {first}"));
        }

        if (said.Any(i => i.Contains("complain", StringComparison.Ordinal) || i.Contains("dispute", StringComparison.Ordinal))
            || DisputeRegex().IsMatch(text) || sentiment <= -0.5f)
        {
            actions.Add(new AssistAction("open_dispute", first, chinese ? "发起纠纷处理" : "Open a dispute"));
        }

        if (said.Any(i => i.Contains("address", StringComparison.Ordinal)) || AddressRegex().IsMatch(text))
        {
            actions.Add(new AssistAction("change_address", first, chinese ? "修改收货地址" : "Change the delivery address"));
        }

        return actions;
    }

    [GeneratedRegex(@"(?i)\b(?:refund\w*|money back|return(?:s|ed|ing)?)\b|退款|退货|退钱")]
    private static partial Regex RefundRegex();

    [GeneratedRegex(@"(?i)\b(?:dispute\w*|complain\w*|scam\w*|fraud\w*|report (?:the|this) (?:shop|seller|merchant))\b|投诉|纠纷|举报|欺诈|骗")]
    private static partial Regex DisputeRegex();

    [GeneratedRegex(@"(?i)\b(?:address|deliver (?:it )?to)\b|地址")]
    private static partial Regex AddressRegex();
}
