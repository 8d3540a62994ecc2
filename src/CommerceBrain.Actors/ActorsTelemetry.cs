using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Actors;

/// <summary>The actor runtime's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>CommerceBrain.Actors</c>.</summary>
public static class ActorsTelemetry
{
    /// <summary>The source and meter name.</summary>
    public const string Name = "CommerceBrain.Actors";

    /// <summary>Spans for grain calls, created only while someone listens.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Runtime metrics.</summary>
    public static readonly Meter Meter = new(Name);

    internal static readonly UpDownCounter<long> Activations =
        Meter.CreateUpDownCounter<long>("commercebrain.actors.activations", unit: "{activation}", description: "Live grain activations.");

    internal static readonly Counter<long> Calls =
        Meter.CreateCounter<long>("commercebrain.actors.calls", unit: "{call}", description: "Grain calls made.");

    internal static readonly Histogram<double> CallDuration =
        Meter.CreateHistogram<double>("commercebrain.actors.call.duration", unit: "s", description: "Grain call duration, queue time included.");

    /// <summary>Cheap check on the call path: instrument calls only while a listener is attached.</summary>
    internal static bool CallsObserved => Calls.Enabled || CallDuration.Enabled || ActivitySource.HasListeners();
}
