using System.Collections.Concurrent;
using CommerceBrain.Actors.Runtime;

namespace CommerceBrain.Actors.Reminders;

/// <summary>
/// Schedules durable reminders from <see cref="IReminderTable"/>: loads every definition at start, fires each tick by
/// calling <see cref="IRemindable.ReceiveReminder"/> on the grain (activating it if needed), skips ticks missed while down.
/// </summary>
internal sealed class ReminderService(ActorRuntime runtime, IReminderTable? table)
{
    private static readonly System.Reflection.MethodInfo ReceiveReminderMethod = typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminder))!;
    private readonly ConcurrentDictionary<(GrainId GrainId, string Name), ScheduledReminder> _scheduled = new();
    private volatile bool _stopped;

    private TimeProvider Time => runtime.Time;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (table is null)
        {
            return;
        }

        var entries = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            Schedule(entry);
        }

        ActorsLog.RemindersLoaded(runtime.Logger, entries.Count);
    }

    public void Stop()
    {
        _stopped = true;
        foreach (var reminder in _scheduled.Values)
        {
            reminder.Dispose();
        }

        _scheduled.Clear();
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"Grain class {grain.GetType().Name} must implement IRemindable to register reminders.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (period < runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder periods must be at least {runtime.Options.MinimumReminderPeriod} (ActorsOptions.MinimumReminderPeriod); use a grain timer for shorter periods.");
        }

        var store = RequireTable();
        var entry = new ReminderEntry(grain.GrainId, reminderName, runtime.Time.GetUtcNow() + dueTime, period);
        var etag = await store.UpsertAsync(entry).ConfigureAwait(true);
        Schedule(entry with { ETag = etag });
        return new GrainReminder(reminderName, entry.StartAt, period);
    }

    public async Task UnregisterAsync(GrainId grainId, string reminderName)
    {
        await RequireTable().RemoveAsync(grainId, reminderName).ConfigureAwait(true);
        if (_scheduled.TryRemove((grainId, reminderName), out var scheduled))
        {
            scheduled.Dispose();
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName) =>
        (await GetAllAsync(grainId).ConfigureAwait(true)).FirstOrDefault(r => r.ReminderName == reminderName);

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId)
    {
        var entries = await RequireTable().ReadAsync(grainId).ConfigureAwait(true);
        return [.. entries.Select(e => (IGrainReminder)new GrainReminder(e.Name, e.StartAt, e.Period))];
    }

    /// <summary>The first tick at or after <paramref name="from"/>: ticks before it are skipped, never replayed.</summary>
    internal static DateTimeOffset NextTick(ReminderEntry entry, DateTimeOffset from)
    {
        if (from <= entry.StartAt)
        {
            return entry.StartAt;
        }

        var periods = ((from - entry.StartAt).Ticks + entry.Period.Ticks - 1) / entry.Period.Ticks;
        return entry.StartAt + TimeSpan.FromTicks(periods * entry.Period.Ticks);
    }

    private IReminderTable RequireTable() => table
        ?? throw new InvalidOperationException("No IReminderTable is registered; reminders need one (CommerceBrain.Storage provides SQLite and PostgreSQL tables).");

    private void Schedule(ReminderEntry entry)
    {
        if (_stopped)
        {
            return;
        }

        var scheduled = new ScheduledReminder(this, entry);
        var key = (entry.GrainId, entry.Name);
        _scheduled.AddOrUpdate(key, scheduled, (_, previous) =>
        {
            previous.Dispose();
            return scheduled;
        });
        scheduled.Arm(NextTick(entry, runtime.Time.GetUtcNow()));
    }

    private async Task FireAsync(ScheduledReminder reminder, DateTimeOffset dueAt)
    {
        var entry = reminder.Entry;
        try
        {
            var type = runtime.Registry.ForName(entry.GrainId.Type);
            if (type is null || !type.IsRemindable)
            {
                ActorsLog.ReminderTargetInvalid(runtime.Logger, entry.GrainId.ToString(), entry.Name);
                return;
            }

            var reference = new GrainReference(runtime, entry.GrainId, runtime.Registry.Interface(typeof(IRemindable)), type, observer: null);
            await ((Task)reference.Invoke(ReceiveReminderMethod, [entry.Name, new TickStatus(entry.StartAt, entry.Period, dueAt)])).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            ActorsLog.ReminderFailed(runtime.Logger, entry.GrainId.ToString(), entry.Name, e);
        }

        if (!_stopped && !reminder.IsDisposed)
        {
            var now = runtime.Time.GetUtcNow();
            var next = dueAt + entry.Period;
            reminder.Arm(NextTick(entry, next > now ? next : now));
        }
    }

    private sealed class ScheduledReminder(ReminderService service, ReminderEntry entry) : IDisposable
    {
        private readonly Lock _lock = new();
        private ITimer? _timer;
        private DateTimeOffset _dueAt;
        private bool _disposed;

        public ReminderEntry Entry { get; } = entry;

        public bool IsDisposed => Volatile.Read(ref _disposed);

        public void Arm(DateTimeOffset dueAt)
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _dueAt = dueAt;
                var delay = dueAt - service.Time.GetUtcNow();
                if (delay < TimeSpan.Zero)
                {
                    delay = TimeSpan.Zero;
                }

                if (_timer is null)
                {
                    _timer = service.Time.CreateTimer(static s => ((ScheduledReminder)s!).OnDue(), this, delay, Timeout.InfiniteTimeSpan);
                }
                else
                {
                    _timer.Change(delay, Timeout.InfiniteTimeSpan);
                }
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _timer?.Dispose();
            }
        }

        private void OnDue()
        {
            DateTimeOffset dueAt;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                dueAt = _dueAt;
            }

            _ = service.FireAsync(this, dueAt);
        }
    }
}
