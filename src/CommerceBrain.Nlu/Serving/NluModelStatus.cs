namespace CommerceBrain.Nlu.Serving;

/// <summary>Where the silo's NLU models are in their start-up.</summary>
public enum NluModelStatus
{
    /// <summary>Models are being loaded or trained; requests get 503 with Retry-After.</summary>
    Starting,

    /// <summary>Models are loaded and serving.</summary>
    Ready,

    /// <summary>Models could not be trained or loaded (see the log and the readiness check); requests get 503.</summary>
    Unavailable,
}
