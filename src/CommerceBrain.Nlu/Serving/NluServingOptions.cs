namespace CommerceBrain.Nlu.Serving;

/// <summary>
/// How the silo finds, trains and serves its NLU models; bound from <c>CommerceBrain:Nlu</c> next to the library's
/// <see cref="CommerceBrain.Nlu.NluOptions"/> (thresholds, FAQ file, few-shot cap).
/// </summary>
public sealed class NluServingOptions
{
    /// <summary>Configuration section name (shared with <see cref="CommerceBrain.Nlu.NluOptions"/>).</summary>
    public const string Section = "CommerceBrain:Nlu";

    /// <summary>The silo's data directory (<c>CommerceBrain:DataDirectory</c>, default <c>data</c>); models default to its <c>models/</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where the models live (<c>intents/</c>, <c>faq-encoder/</c>); null or empty = <c>&lt;DataDirectory&gt;/models</c>.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Intent training data (CSV <c>text,label</c> or JSON lines); null or empty = the bundled demo corpus.</summary>
    public string? IntentTrainingFile { get; set; }

    /// <summary>Train missing models from the training files at start-up (in the background).</summary>
    public bool TrainOnStart { get; set; } = true;

    /// <summary>Longest text or FAQ query the API accepts, in characters; longer input is refused with 400.</summary>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) while models are still training.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
