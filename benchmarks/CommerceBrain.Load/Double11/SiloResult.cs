namespace CommerceBrain.Load.Double11;

/// <summary>
/// A silo call's outcome: the driver's <see cref="Load.Response"/> (what the step reports: status code, size, failure
/// reason) and, when the silo answered as expected, the typed <see cref="Value"/>.
/// </summary>
public sealed record SiloResult<T>(T? Value, Response Response)
{
    /// <summary>True when the call answered an expected status.</summary>
    public bool IsOk => !Response.IsError;

    /// <summary>The value of a successful call (throws for a failed one: check <see cref="IsOk"/> first).</summary>
    public T Ok => IsOk && Value is not null ? Value : throw new InvalidOperationException($"the call failed: {Response.StatusCode} {Response.Message}");

    /// <summary>A failure of another call type with the same response.</summary>
    public SiloResult<TOther> As<TOther>() => new(default, Response);
}
