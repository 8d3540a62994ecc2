using System.Globalization;
using System.Threading.RateLimiting;
using CommerceBrain.Identity.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace CommerceBrain.Identity.RateLimiting;

/// <summary>
/// One global limiter over <c>/api</c> (health, metrics, the OpenAPI document and pages are never limited): a token
/// bucket per client, keyed by the token's subject after authentication or by the remote address before it.
/// </summary>
public static class ClientRateLimiter
{
    /// <summary>The path prefix that is limited.</summary>
    public static readonly PathString LimitedPrefix = "/api";

    private static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Configures ASP.NET Core's rate limiter from <paramref name="limits"/>.</summary>
    internal static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (!limits.Enabled || !http.Request.Path.StartsWithSegments(LimitedPrefix))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            return RateLimitPartition.GetTokenBucketLimiter(PartitionKey(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.PermitsPerSecond,
                ReplenishmentPeriod = RefillPeriod,
                // Refuse at once rather than queue: a client over its rate learns so and when to come back.
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        options.OnRejected = (context, _) => Reject(context, limits);
    }

    /// <summary>"sub:&lt;subject&gt;" for an authenticated caller, else "ip:&lt;remote address&gt;".</summary>
    internal static string PartitionKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.SubjectId() is { } subject
            ? "sub:" + subject
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static ValueTask Reject(OnRejectedContext context, RateLimitOptions limits)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : RefillPeriod;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        IdentityTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>(
            "client", http.User.Identity?.IsAuthenticated == true ? "subject" : "address"));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(IdentityProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"This client may make {limits.PermitsPerSecond} requests per second with bursts of up to {limits.Burst}; retry after {seconds} s."));
    }
}
