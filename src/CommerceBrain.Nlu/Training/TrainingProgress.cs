namespace CommerceBrain.Nlu.Training;

/// <summary>
/// Reported after every epoch of every ensemble member. <paramref name="ValidationAccuracy"/> is null when the data
/// was too small for a validation split.
/// </summary>
public sealed record TrainingProgress(int Member, int Epoch, int Epochs, double Loss, double? ValidationAccuracy, bool Improved);
