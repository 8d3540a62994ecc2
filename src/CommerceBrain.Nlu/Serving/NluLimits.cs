namespace CommerceBrain.Nlu.Serving;

/// <summary>Input limits the NLU API enforces and the engine sizes its memory for.</summary>
public static class NluLimits
{
    /// <summary>Longest run-time intent name.</summary>
    public const int MaxIntentNameLength = 64;
}
