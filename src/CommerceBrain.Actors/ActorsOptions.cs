using System.Globalization;

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

    /// <summary>Throws <see cref="ActorsConfigurationException"/> naming the first setting out of range.</summary>
    internal void Validate()
    {
        RequirePositive(CallTimeout, nameof(CallTimeout));
        RequirePositive(CollectionAge, nameof(CollectionAge));
        RequirePositive(CollectionQuantum, nameof(CollectionQuantum));
        if (MaxActivations < 1)
        {
            throw new ActorsConfigurationException(
                $"{SectionName}:{nameof(MaxActivations)}", MaxActivations.ToString(CultureInfo.InvariantCulture), $"1 to {int.MaxValue}");
        }

        RequirePositive(ActivationTimeout, nameof(ActivationTimeout));
        RequirePositive(DeactivationTimeout, nameof(DeactivationTimeout));
        RequirePositive(MinimumReminderPeriod, nameof(MinimumReminderPeriod));
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ActorsConfigurationException(
                $"{SectionName}:{name}", value.ToString("c", CultureInfo.InvariantCulture), "greater than 00:00:00 (a time span such as 00:00:30)");
        }
    }
}
