using System.Text.Json.Serialization;

namespace CommerceBrain.Nlu.Intents;

/// <summary>
/// Quality and speed of an intent classifier on a labelled test set. <see cref="Accuracy"/> counts the final decision
/// (a rejected request is predicted as out of scope); <see cref="Top1Accuracy"/> is the plain arg-max over classes.
/// OOS fields are null when the test set has no out-of-scope examples.
/// </summary>
public sealed record IntentEvaluation(
    [property: JsonPropertyName("examples")] int Examples,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("top1_accuracy")] double Top1Accuracy,
    [property: JsonPropertyName("macro_f1")] double MacroF1,
    [property: JsonPropertyName("in_scope_accuracy")] double? InScopeAccuracy,
    [property: JsonPropertyName("oos_precision")] double? OosPrecision,
    [property: JsonPropertyName("oos_recall")] double? OosRecall,
    [property: JsonPropertyName("rejected")] int Rejected,
    [property: JsonPropertyName("expected_calibration_error")] double ExpectedCalibrationError,
    [property: JsonPropertyName("predictions_per_second")] double PredictionsPerSecond,
    [property: JsonPropertyName("model_bytes")] long ModelBytes,
    [property: JsonPropertyName("engine")] string Engine);
