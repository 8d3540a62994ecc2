using System.Net;

namespace CommerceBrain.Load.Commands;

/// <summary>Which targets the driver may load: loopback addresses, and hosts named with --allow-target.</summary>
public static class TargetPolicy
{
    /// <summary>Parses and checks <paramref name="text"/>; returns null and a one-line <paramref name="problem"/> when it may not be loaded.</summary>
    public static Uri? Check(string? text, IReadOnlyCollection<string> allowedHosts, out string? problem)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            problem = $"--target '{text}': not an absolute http:// or https:// URL";
            return null;
        }

        if (!IsLoopback(uri) && !IsAllowed(uri.Host, allowedHosts))
        {
            problem = $"--target {uri}: {uri.Host} is not a loopback address; add --allow-target {uri.Host} to load it";
            return null;
        }

        problem = null;
        return uri;
    }

    /// <summary>True for localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsAllowed(string host, IReadOnlyCollection<string> allowedHosts)
    {
        foreach (var allowed in allowedHosts)
        {
            if (string.Equals(allowed.Trim().TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
