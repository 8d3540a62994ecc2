namespace CommerceBrain.Actors;

/// <summary>Actor runtime options, bound from configuration section <c>CommerceBrain:Actors</c>.</summary>
public sealed class ActorsOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "CommerceBrain:Actors";

    /// <summary>How long a call may take, queue time included, before the caller gets a <see cref="GrainCallTimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for this long is deactivated (Orleans 7+ default: 15 minutes).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the idle collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Live activations above this count cause the least recently used idle ones to be deactivated.</summary>
    public int MaxActivations { get; set; } = 100_000;

    /// <summary>How long <see cref="Grain.OnActivateAsync"/> (after state loading) may take before its token is cancelled.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="Grain.OnDeactivateAsync"/> may take before its token is cancelled.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest reminder period accepted (Orleans: 1 minute).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        Require(CallTimeout > TimeSpan.Zero, nameof(CallTimeout));
        Require(CollectionAge > TimeSpan.Zero, nameof(CollectionAge));
        Require(CollectionQuantum > TimeSpan.Zero, nameof(CollectionQuantum));
        Require(MaxActivations > 0, nameof(MaxActivations));
        Require(ActivationTimeout > TimeSpan.Zero, nameof(ActivationTimeout));
        Require(DeactivationTimeout > TimeSpan.Zero, nameof(DeactivationTimeout));
        Require(MinimumReminderPeriod > TimeSpan.Zero, nameof(MinimumReminderPeriod));
    }

    private static void Require(bool condition, string name)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{SectionName}:{name} must be positive.");
        }
    }
}
