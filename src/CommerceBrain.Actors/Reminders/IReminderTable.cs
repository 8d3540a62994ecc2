namespace CommerceBrain.Actors.Reminders;

/// <summary>
/// Durable reminder definitions (the Orleans reminder table). Only definitions are stored: ticks missed while
/// no silo ran are skipped, and the next due tick fires.
/// </summary>
public interface IReminderTable
{
    /// <summary>Inserts or replaces a reminder; returns its new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a reminder; returns false when it did not exist.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Reads one grain's reminders.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Reads every reminder (single silo; cluster mode will read by partition).</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>A reminder definition: first tick at <paramref name="StartAt"/>, then every <paramref name="Period"/>.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null);
