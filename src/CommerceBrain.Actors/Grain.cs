using CommerceBrain.Actors.Reminders;
using CommerceBrain.Actors.Runtime;
using CommerceBrain.Actors.Timers;

namespace CommerceBrain.Actors;

/// <summary>
/// Base class for grain implementations. The runtime creates grains; identity and runtime services are available from
/// the constructor on. Persisted state (<see cref="Persistence.IPersistentState{TState}"/>) is loaded after the constructor
/// and before <see cref="OnActivateAsync"/>.
/// </summary>
public abstract class Grain
{
    private readonly Activation? _activation;

    protected Grain()
    {
        // The runtime sets the activation being constructed on this thread; grains built by hand (unit tests) have none.
        _activation = Activation.Constructing;
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>Creates references to other grains.</summary>
    public IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    /// <summary>The runtime's service provider.</summary>
    protected IServiceProvider ServiceProvider => Activation.Runtime.Services;

    internal Activation Activation => _activation
        ?? throw new InvalidOperationException($"{GetType().Name} was not created by the actor runtime; get it with IGrainFactory.GetGrain.");

    /// <summary>Runs after state is loaded and before the first request. A failure fails the activation and the triggering call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs when the activation is deactivated (idle, evicted, requested or shutting down), after the last request.
    /// Not guaranteed on a crash: never rely on it alone to persist state.
    /// </summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request completes; queued requests go to a new activation.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));

    /// <summary>Keeps this activation from idle collection and eviction for at least <paramref name="timeSpan"/>; a negative value cancels.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => Activation.DelayDeactivation(timeSpan);

    /// <summary>
    /// Starts a timer owned by this activation. Ticks never overlap: the period counts from the end of the previous tick.
    /// Unless <see cref="GrainTimerCreationOptions.Interleave"/>, each tick is a turn like a grain call. The timer dies with the activation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer((_, token) => callback(token), null, options, callback.Method);
    }

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer((s, token) => callback((TState)s!, token), state, options, callback.Method);
    }

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>
    /// Registers or updates a durable reminder: it survives deactivation and restarts and reactivates the grain,
    /// which must implement <see cref="IRemindable"/>. The first tick is after <paramref name="dueTime"/>.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(this, reminderName, dueTime, period);

    /// <summary>Removes a durable reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder.ReminderName);
    }

    /// <summary>Gets one of this grain's reminders, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => Activation.Runtime.Reminders.GetAsync(GrainId, reminderName);

    /// <summary>Gets this grain's reminders.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => Activation.Runtime.Reminders.GetAllAsync(GrainId);
}
