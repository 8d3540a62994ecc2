namespace CommerceBrain.Identity;

/// <summary>The module's start-up log lines (no key material, ever).</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Token signing key {KeyId} from configuration")]
    public static partial void KeyConfigured(ILogger logger, string keyId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Token signing key {KeyId} generated and stored in {Path}; silos of a cluster need a shared CommerceBrain:Identity:SigningKey instead")]
    public static partial void KeyGenerated(ILogger logger, string keyId, string path);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Token signing key {KeyId} loaded from {Path}")]
    public static partial void KeyLoaded(ILogger logger, string keyId, string path);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "POST /api/dev/tokens is on (Development): anyone reaching this silo can get a token for any role")]
    public static partial void DevTokensOn(ILogger logger);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Rate limits on /api: {PermitsPerSecond} requests/s per client, bursts of {Burst}")]
    public static partial void RateLimitsOn(ILogger logger, int permitsPerSecond, int burst);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Rate limits on /api are off (CommerceBrain:RateLimits:Enabled=false)")]
    public static partial void RateLimitsOff(ILogger logger);
}
