namespace CommerceBrain.Nlu.Faq;

/// <summary>A ranked FAQ entry: fused score and its semantic (cosine) and lexical (normalised BM25) parts, each in [0, 1].</summary>
public sealed record FaqCandidate(FaqEntry Entry, float Score, float Semantic, float Lexical);
