using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Identity;

/// <summary>The module's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <c>CommerceBrain.Identity</c>.</summary>
public static class IdentityTelemetry
{
    /// <summary>Source and meter name.</summary>
    public const string Name = "CommerceBrain.Identity";

    /// <summary>Traces identity work (none on the request path today: token checks are part of ASP.NET Core's spans).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Identity metrics.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Tokens signed, tagged with <c>role</c>.</summary>
    public static readonly Counter<long> TokensIssued = Meter.CreateCounter<long>("commercebrain.identity.tokens.issued", "{token}");

    /// <summary>Requests answered 401 or 403, tagged with <c>reason</c> (missing, expired, invalid, forbidden).</summary>
    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>("commercebrain.identity.refusals", "{request}");

    /// <summary>Requests answered 429, tagged with <c>client</c> (subject or address: the kind, never the value).</summary>
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("commercebrain.identity.rate_limited", "{request}");
}
