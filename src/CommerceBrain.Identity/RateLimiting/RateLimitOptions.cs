namespace CommerceBrain.Identity.RateLimiting;

/// <summary>
/// Per-client rate limits on <c>/api</c>, bound from <c>CommerceBrain:RateLimits</c>: a token bucket per client (token
/// subject when authenticated, else remote address) refilled by <see cref="PermitsPerSecond"/> each second up to <see cref="Burst"/>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CommerceBrain:RateLimits";

    /// <summary>Whether requests are limited at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a client may make per second, sustained.</summary>
    public int PermitsPerSecond { get; set; } = 20;

    /// <summary>Requests a client may make at once after being idle (the bucket's size).</summary>
    public int Burst { get; set; } = 40;
}
