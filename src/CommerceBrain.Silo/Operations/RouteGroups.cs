using System.Collections.Concurrent;

namespace CommerceBrain.Silo.Operations;

/// <summary>
/// Groups ASP.NET Core route templates for the latency chart: <c>/api/&lt;module&gt;</c> for the API, the first segment
/// for everything else; requests that matched no route are one group.
/// </summary>
public static class RouteGroups
{
    /// <summary>Requests no endpoint matched (404s, probes).</summary>
    public const string Unmatched = "(unmatched)";

    // Route templates are a fixed set, so the cache stays small; the cap only guards against a surprise.
    private const int CacheLimit = 512;

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The group of a route template (the <c>http.route</c> tag), e.g. <c>/api/sessions/{id}/messages</c> → <c>/api/sessions</c>.</summary>
    public static string Of(string? route)
    {
        if (string.IsNullOrEmpty(route))
        {
            return Unmatched;
        }

        if (Cache.TryGetValue(route, out var group))
        {
            return group;
        }

        group = Compute(route);
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(route, group);
        }

        return group;
    }

    private static string Compute(string route)
    {
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return "/";
        }

        var take = string.Equals(segments[0], "api", StringComparison.OrdinalIgnoreCase) && segments.Length > 1 ? 2 : 1;
        // A parameter as the first segment (a catch-all) says nothing about the module.
        return segments[take - 1].StartsWith('{') ? Unmatched : "/" + string.Join('/', segments.Take(take));
    }
}
