namespace CommerceBrain.Nlu.Serving;

/// <summary>The NLU module's log messages (never the texts themselves: they may hold personal data).</summary>
internal static partial class NluLog
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Training the {Model} model from {TrainingFile} ({Examples} examples); the silo is not ready until it is loaded")]
    public static partial void TrainingStarted(ILogger logger, string model, string trainingFile, int examples);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Training {Model}: member {Member} epoch {Epoch}/{Epochs} loss {Loss:F4} validation accuracy {ValidationAccuracy}")]
    public static partial void TrainingEpoch(ILogger logger, string model, int member, int epoch, int epochs, double loss, string validationAccuracy);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Trained the {Model} model {Version} in {Seconds:F1} s (validation accuracy {ValidationAccuracy}), saved to {ModelDirectory}")]
    public static partial void Trained(ILogger logger, string model, string version, double seconds, string validationAccuracy, string modelDirectory);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Using the existing {Model} model {Version} in {ModelDirectory} (no training needed)")]
    public static partial void Reused(ILogger logger, string model, string version, string modelDirectory);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "NLU models loaded: intents {IntentVersion} ({Intents} intents, {Engine}), FAQ encoder {FaqVersion} ({FaqEntries} FAQ entries); NLU is ready")]
    public static partial void Ready(ILogger logger, string intentVersion, int intents, string engine, string faqVersion, int faqEntries);

    [LoggerMessage(EventId = 306, Level = LogLevel.Error, Message = "NLU models are unavailable: {Reason}")]
    public static partial void Unavailable(ILogger logger, Exception? exception, string reason);

    [LoggerMessage(EventId = 307, Level = LogLevel.Information, Message = "Another process saved the {Model} model first; using its copy in {ModelDirectory}")]
    public static partial void LostRace(ILogger logger, string model, string modelDirectory);
}
