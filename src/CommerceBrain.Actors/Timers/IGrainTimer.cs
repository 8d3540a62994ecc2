namespace CommerceBrain.Actors.Timers;

/// <summary>A timer owned by one activation. Dispose to stop it; the callback's token is cancelled.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer: next tick after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
