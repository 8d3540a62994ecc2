namespace CommerceBrain.Nlu.Faq;

/// <summary>Fusion weights and decision thresholds of <see cref="FaqMatcher"/> (section <c>CommerceBrain:Nlu:Faq</c>).</summary>
public sealed record FaqMatcherOptions
{
    /// <summary>Weight of the dense (encoder) score; BM25 gets the rest.</summary>
    public float SemanticWeight { get; init; } = 0.3f;

    /// <summary>A top fused score at or above this may be answered directly.</summary>
    public float AnswerThreshold { get; init; } = 0.55f;

    /// <summary>Below this top fused score nothing matches.</summary>
    public float ClarifyThreshold { get; init; } = 0.4f;

    /// <summary>When the second entry is within this margin of the first, the matcher asks instead of answering.</summary>
    public float ClarifyMargin { get; init; } = 0.04f;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation.</summary>
    public float B { get; init; } = 0.75f;
}
