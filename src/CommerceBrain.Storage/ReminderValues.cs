using CommerceBrain.Actors;
using CommerceBrain.Actors.Reminders;

namespace CommerceBrain.Storage;

/// <summary>Reminder times are stored at millisecond precision by every provider.</summary>
internal static class ReminderValues
{
    public static void Validate(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Validate(entry.GrainId, entry.Name);
        if (entry.Period < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Period, $"Reminder '{entry.Name}' has a negative period.");
        }
    }

    public static void Validate(GrainId grainId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainId.Type, nameof(grainId));
        ArgumentNullException.ThrowIfNull(grainId.Key, nameof(grainId));
        ArgumentException.ThrowIfNullOrEmpty(name);
    }

    public static long PeriodMs(TimeSpan period) => (long)period.TotalMilliseconds;

    public static ReminderEntry Entry(string grainId, string name, DateTimeOffset startAt, long periodMs, long version) =>
        new(GrainId.Parse(grainId), name, startAt, TimeSpan.FromMilliseconds(periodMs), GrainStateEtag.Format(version));
}
