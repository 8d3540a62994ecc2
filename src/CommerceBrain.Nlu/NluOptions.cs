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

    /// <summary>FAQ fusion and decision settings.</summary>
    public FaqMatcherOptions Faq { get; set; } = new();
}
