namespace CommerceBrain.Agents.Assist;

/// <summary>
/// Phrasing recommendations for the next reply, in the customer's language: greet by name before the first reply,
/// apologise when the customer is unhappy, avoid jargon, keep it short.
/// </summary>
public static class PhrasingTips
{
    /// <summary>Sentiment (in [-1, 1]) at or below which the agent should apologise first.</summary>
    public const float ApologyBelow = -0.2f;

    /// <summary>The tips, most important first.</summary>
    public static IReadOnlyList<string> For(bool chinese, string? customerName, bool agentHasReplied, float sentiment, string? lastAgentText)
    {
        var tips = new List<string>();
        if (!agentHasReplied)
        {
            tips.Add(string.IsNullOrWhiteSpace(customerName)
                ? (chinese ? "先问候客户并介绍自己。" : "Greet the customer and introduce yourself.")
                : (chinese ? $"称呼客户的名字问候：“{customerName}您好，我是……”" : $"Greet the customer by name: \"Hi {customerName}, I'm …\"."));
        }

        if (sentiment <= ApologyBelow)
        {
            tips.Add(chinese ? "客户情绪不佳：先真诚道歉，再说明您会怎么处理。" : "The customer is unhappy: apologise first, then say what you will do about it.");
        }

        tips.Add(chinese ? "避免术语和内部代号（如 SKU、RMA），用客户的说法。" : "Avoid jargon and internal codes (SKU, RMA, SLA): use the customer's own words.");
        tips.Add(lastAgentText is { Length: > 300 }
            ? (chinese ? "上一条回复较长：这次简短些，一两句话讲清下一步。" : "Your last reply was long: keep this one to one or two sentences with the next step.")
            : (chinese ? "简短明了：一两句话讲清下一步。" : "Keep it short: one or two sentences with the next step."));
        return tips;
    }
}
