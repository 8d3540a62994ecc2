namespace CommerceBrain.Actors.Reminders;

/// <summary>One reminder tick: when the reminder started, its period, and the scheduled time of this tick.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
