namespace CommerceBrain.Actors.Reminders;

/// <summary>Implemented by grains that register durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Receives a reminder tick; delivered like a grain call under the normal scheduling rules.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
