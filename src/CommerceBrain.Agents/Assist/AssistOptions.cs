namespace CommerceBrain.Agents.Assist;

/// <summary>Agent assist settings, bound from <c>CommerceBrain:Agents:Assist</c>.</summary>
public sealed class AssistOptions
{
    /// <summary>The longest draft the draft check takes (as agent messages).</summary>
    public int MaxDraftLength { get; set; } = 2000;

    /// <summary>Suggestions returned per customer message.</summary>
    public int MaxSuggestions { get; set; } = 5;

    /// <summary>Suggestions scoring below this are left out (FAQ fused score or question similarity, both in [0, 1]).</summary>
    public double MinSuggestionScore { get; set; } = 0.15;

    /// <summary>(Question → answer) pairs the per-silo index keeps.</summary>
    public int MaxLearnedAnswers { get; set; } = 5000;
}
