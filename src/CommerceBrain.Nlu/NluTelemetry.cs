using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Nlu;

/// <summary>The module's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <c>CommerceBrain.Nlu</c>.</summary>
public static class NluTelemetry
{
    /// <summary>Source and meter name.</summary>
    public const string Name = "CommerceBrain.Nlu";

    /// <summary>Traces intent prediction, FAQ matching and training.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>NLU metrics.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Texts classified, tagged with <c>engine</c> (csharp / onnxruntime).</summary>
    public static readonly Counter<long> IntentPredictions = Meter.CreateCounter<long>("commercebrain.nlu.intent.predictions", "{text}");

    /// <summary>Texts judged out of scope.</summary>
    public static readonly Counter<long> OutOfScope = Meter.CreateCounter<long>("commercebrain.nlu.intent.out_of_scope", "{text}");

    /// <summary>FAQ queries, tagged with <c>decision</c>.</summary>
    public static readonly Counter<long> FaqQueries = Meter.CreateCounter<long>("commercebrain.nlu.faq.queries", "{query}");

    /// <summary>Few-shot tenant heads evicted by the memory cap.</summary>
    public static readonly Counter<long> FewShotEvictions = Meter.CreateCounter<long>("commercebrain.nlu.fewshot.evictions", "{tenant}");

    /// <summary>Shops' FAQ indexes evicted by <c>MerchantFaqCapacityEntries</c>.</summary>
    public static readonly Counter<long> MerchantFaqEvictions = Meter.CreateCounter<long>("commercebrain.nlu.merchant_faq.evictions", "{merchant}");

    /// <summary>Understanding calls (intent, FAQ and entities of one text).</summary>
    public static readonly Counter<long> Understandings = Meter.CreateCounter<long>("commercebrain.nlu.understandings", "{text}");
}
