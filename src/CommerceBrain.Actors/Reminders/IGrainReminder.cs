namespace CommerceBrain.Actors.Reminders;

/// <summary>A registered durable reminder.</summary>
public interface IGrainReminder
{
    /// <summary>The name, unique per grain.</summary>
    string ReminderName { get; }

    /// <summary>The first tick time.</summary>
    DateTimeOffset StartAt { get; }

    /// <summary>The period between ticks.</summary>
    TimeSpan Period { get; }
}

internal sealed record GrainReminder(string ReminderName, DateTimeOffset StartAt, TimeSpan Period) : IGrainReminder;
