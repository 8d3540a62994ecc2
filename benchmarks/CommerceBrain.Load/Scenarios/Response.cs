namespace CommerceBrain.Load;

/// <summary>
/// The outcome of a step or of a whole iteration: ok or failed, with a status ("200", "409", "timeout",
/// "connection_refused"...), an optional message, the bytes received and an optional payload for the next step.
/// </summary>
public sealed class Response
{
    // Most bodies answer a bare Ok(); one shared instance keeps that allocation out of the hot path.
    private static readonly Response BareOk = new(false, "ok", null, 0, null);

    private Response(bool isError, string statusCode, string? message, long sizeBytes, object? payload)
    {
        IsError = isError;
        StatusCode = statusCode;
        Message = message;
        SizeBytes = sizeBytes;
        Payload = payload;
    }

    /// <summary>True when the step or iteration failed.</summary>
    public bool IsError { get; }

    /// <summary>Status of the outcome: an HTTP status code as text, or a kind such as "timeout".</summary>
    public string StatusCode { get; }

    /// <summary>Why it failed (or a note when it succeeded).</summary>
    public string? Message { get; }

    /// <summary>Bytes received (for throughput in bytes; 0 when unknown).</summary>
    public long SizeBytes { get; }

    /// <summary>Whatever the body wants to hand to the next step.</summary>
    public object? Payload { get; }

    /// <summary>A successful outcome.</summary>
    public static Response Ok(object? payload = null, string statusCode = "ok", long sizeBytes = 0, string? message = null) =>
        payload is null && sizeBytes == 0 && message is null && ReferenceEquals(statusCode, "ok")
            ? BareOk
            : new Response(false, statusCode, message, sizeBytes, payload);

    /// <summary>A failed outcome.</summary>
    public static Response Fail(string statusCode, string message, long sizeBytes = 0) =>
        new(true, statusCode, message, sizeBytes, null);

    /// <inheritdoc />
    public override string ToString() => IsError ? $"fail {StatusCode}: {Message}" : $"ok {StatusCode}";
}
