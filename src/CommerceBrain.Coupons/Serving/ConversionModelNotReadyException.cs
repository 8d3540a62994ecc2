namespace CommerceBrain.Coupons.Serving;

/// <summary>The silo's conversion model is not loaded (yet); the claim is refused with 503 and <c>Retry-After</c>.</summary>
public sealed class ConversionModelNotReadyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConversionModelNotReadyException()
        : base("The conversion model is not loaded on this silo yet.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConversionModelNotReadyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConversionModelNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
