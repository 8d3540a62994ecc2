using CommerceBrain.Nlu.Models;

namespace CommerceBrain.Nlu.Training;

/// <summary>What <see cref="IntentTrainer.Train"/> produced, with the facts needed to report on it.</summary>
public sealed record IntentTrainingResult(IntentModel Model, int TrainExamples, int ValidationExamples,
    double? ValidationAccuracy, IReadOnlyList<int> EpochsPerMember);
