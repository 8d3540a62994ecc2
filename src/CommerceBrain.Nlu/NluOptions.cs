using CommerceBrain.Nlu.Faq;

namespace CommerceBrain.Nlu;

/// <summary>NLU settings, bound from configuration section <c>CommerceBrain:Nlu</c>.</summary>
public sealed class NluOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "CommerceBrain:Nlu";

    /// <summary>Directory of the intent classifier (model.onnx + model.json); null = no intent model.</summary>
    public string? IntentModelDirectory { get; set; }

    /// <summary>Directory of the FAQ text encoder; null = no FAQ matcher.</summary>
    public string? FaqEncoderDirectory { get; set; }

    /// <summary>FAQ knowledge base (JSON lines) indexed at start.</summary>
    public string? FaqEntriesFile { get; set; }

    /// <summary>Run models in ONNX Runtime (true) or in the C# forward pass (false).</summary>
    public bool UseOnnxRuntime { get; set; } = true;

    /// <summary>Label reported for out-of-scope requests when the model has no OOS class.</summary>
    public string OutOfScopeLabel { get; set; } = "oos";

    /// <summary>Memory cap of all per-merchant few-shot heads together.</summary>
    public long FewShotCapacityBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most run-time intents one merchant may have; the few-shot memory cap must hold this many for one merchant.</summary>
    public int MaxMerchantIntents { get; set; } = 100;

    /// <summary>Cosine similarity a merchant's run-time intent needs to win.</summary>
    public float FewShotSimilarityThreshold { get; set; } = 0.75f;

    /// <summary>Most question-answer pairs one shop's FAQ may hold.</summary>
    public int MaxMerchantFaqEntries { get; set; } = 200;

    /// <summary>Longest question of a shop's FAQ entry, in characters.</summary>
    public int MaxMerchantFaqQuestionLength { get; set; } = 500;

    /// <summary>Longest answer of a shop's FAQ entry, in characters.</summary>
    public int MaxMerchantFaqAnswerLength { get; set; } = 4000;

    /// <summary>
    /// Most shop FAQ entries one silo keeps indexed (all shops together); beyond it the least recently asked shops are
    /// dropped and re-indexed from their grain when asked again. About 2 KB an entry with typical answers.
    /// </summary>
    public int MerchantFaqCapacityEntries { get; set; } = 200_000;

    /// <summary>FAQ fusion and decision settings.</summary>
    public FaqMatcherOptions Faq { get; set; } = new();
}
