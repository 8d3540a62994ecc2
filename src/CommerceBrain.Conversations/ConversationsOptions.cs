namespace CommerceBrain.Conversations;

/// <summary>Settings of customer sessions and their dialogue policy, bound from <c>CommerceBrain:Conversations</c>.</summary>
public sealed class ConversationsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "CommerceBrain:Conversations";

    /// <summary>An order total (minor units) at or above this goes to a person in a refund or complaint context.</summary>
    public long HighValueOrderMinor { get; set; } = 200_000;

    /// <summary>Top intent confidence the policy acts on; below it the FAQ (or a clarification) decides.</summary>
    public float IntentThreshold { get; set; } = 0.5f;

    /// <summary>When the second intent is within this margin of the first (and both are actionable), the bot asks which one.</summary>
    public float ClarifyMargin { get; set; } = 0.12f;

    /// <summary>An intent this confident in the middle of a form switches topic instead of being read as the slot's answer.</summary>
    public float TopicSwitchConfidence { get; set; } = 0.6f;

    /// <summary>Consecutive turns the bot could not help with before it hands over.</summary>
    public int NoMatchTurnsBeforeHandoff { get; set; } = 2;

    /// <summary>Mean sentiment of the last two turns at or below which (both negative) the bot hands over.</summary>
    public float NegativeSentimentThreshold { get; set; } = -0.35f;

    /// <summary>How many recent orders the bot offers as choices and searches for "the other one".</summary>
    public int RecentOrders { get; set; } = 5;

    /// <summary>Shortest delivery address the address form accepts.</summary>
    public int MinAddressLength { get; set; } = 8;

    /// <summary>Longest delivery address the address form accepts.</summary>
    public int MaxAddressLength { get; set; } = 200;
}
