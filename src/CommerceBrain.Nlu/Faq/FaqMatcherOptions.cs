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

    /// <summary>
    /// How many times a shop entry's question counts in its BM25 document next to its answer once: the question says
    /// what the entry is about, the answer only holds words a customer may use.
    /// </summary>
    public int MerchantQuestionRepeat { get; init; } = 2;

    /// <summary>Factor on the cosine of the query with a shop entry's answer; the semantic score is the larger of this and the question's cosine.</summary>
    public float MerchantAnswerSemanticWeight { get; init; } = 0.8f;

    /// <summary>Added to a shop entry's fused score in that shop's chat, where its own answer beats a general one that fits as well.</summary>
    public float MerchantBoost { get; init; } = 0.05f;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation.</summary>
    public float B { get; init; } = 0.75f;
}
