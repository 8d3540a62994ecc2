namespace CommerceBrain.Inference;

/// <summary>ONNX Runtime's graph optimisation levels.</summary>
public enum GraphOptimizationLevel
{
    DisableAll = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
