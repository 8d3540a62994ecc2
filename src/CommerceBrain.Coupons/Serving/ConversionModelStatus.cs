namespace CommerceBrain.Coupons.Serving;

/// <summary>Where this silo's conversion model is in its start-up.</summary>
public enum ConversionModelStatus
{
    /// <summary>Being trained or loaded; optimised campaigns answer 503 with <c>Retry-After</c>.</summary>
    Starting,

    /// <summary>Loaded and serving.</summary>
    Ready,

    /// <summary>Not available (training off and no file, or a damaged file: see the log); optimised campaigns cannot be created here.</summary>
    Unavailable,
}
