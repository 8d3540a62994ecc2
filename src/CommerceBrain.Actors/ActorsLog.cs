using Microsoft.Extensions.Logging;

namespace CommerceBrain.Actors;

internal static partial class ActorsLog
{
    [LoggerMessage(1, LogLevel.Warning, "Activation of grain {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, string grainId, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "OnDeactivateAsync of grain {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, string grainId, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "Grain {GrainId} deactivated ({Reason})")]
    public static partial void Deactivated(ILogger logger, string grainId, DeactivationReasonCode reason);

    [LoggerMessage(4, LogLevel.Error, "A work item of grain {GrainId} threw")]
    public static partial void WorkItemFailed(ILogger logger, string grainId, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "A timer tick of grain {GrainId} failed")]
    public static partial void TimerTickFailed(ILogger logger, string grainId, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Reminder {ReminderName} of grain {GrainId} failed")]
    public static partial void ReminderFailed(ILogger logger, string grainId, string reminderName, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Loaded {Count} reminders")]
    public static partial void RemindersLoaded(ILogger logger, int count);

    [LoggerMessage(8, LogLevel.Information, "Deactivating {Count} activations for shutdown")]
    public static partial void ShuttingDown(ILogger logger, int count);

    [LoggerMessage(9, LogLevel.Debug, "Observer {ObserverId} removed: {Why}")]
    public static partial void ObserverRemoved(ILogger logger, string observerId, string why);

    [LoggerMessage(10, LogLevel.Warning, "Reminder {ReminderName} targets unknown or non-remindable grain {GrainId}; skipped")]
    public static partial void ReminderTargetInvalid(ILogger logger, string grainId, string reminderName);
}
