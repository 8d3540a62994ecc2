using System.Globalization;
using System.Text.RegularExpressions;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// Reads a silo's own Prometheus scrape (<c>/metrics</c>), e.g. how many activations of a grain type it hosts. The
/// exporter caches a scrape for a few hundred milliseconds, so callers poll until the figures add up.
/// </summary>
public static partial class SiloMetrics
{
    /// <summary>
    /// The silo's <c>orleans_grains</c> gauge for <paramref name="grainType"/> (Orleans' grain type name, e.g.
    /// <c>counter</c>): activations living on that silo right now; 0 when the series is absent.
    /// </summary>
    public static async Task<int> ActivationsAsync(HttpClient silo, string grainType)
    {
        var text = await silo.GetStringAsync("/metrics");
        var total = 0;
        foreach (Match match in GrainsSeries().Matches(text))
        {
            if (match.Groups["labels"].Value.Contains($"grain_type=\"{grainType}\"", StringComparison.Ordinal))
            {
                total += (int)double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex(@"^orleans_grains\{(?<labels>[^}]*)\} (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex GrainsSeries();
}
