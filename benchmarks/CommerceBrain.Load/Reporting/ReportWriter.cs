using System.Text;
using System.Text.Json;
using CommerceBrain.Load.Running;

namespace CommerceBrain.Load.Reporting;

/// <summary>Writes DIR/NAME.json, DIR/NAME.md and two charts per scenario (DIR/NAME-scenario-throughput.svg, -latency.svg).</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes every report file; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(LoadReport report, RunResult result, string directory, string name, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var charts = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in report.Scenarios)
        {
            var slug = Slug(scenario.Name);
            for (var n = 2; !usedSlugs.Add(slug); n++)
            {
                slug = Slug(scenario.Name) + "-" + n;
            }

            var ok = new List<(double, double)>();
            var failed = new List<(double, double)>();
            var p50 = new List<(double, double)>();
            var p99 = new List<(double, double)>();
            foreach (var row in result.Timeline)
            {
                if (row.Scenario != scenario.Name)
                {
                    continue;
                }

                ok.Add((row.Second, row.Ok));
                failed.Add((row.Second, row.Failed));
                p50.Add((row.Second, row.P50Ms));
                p99.Add((row.Second, row.P99Ms));
            }

            var throughputFile = $"{name}-{slug}-throughput.svg";
            var latencyFile = $"{name}-{slug}-latency.svg";
            await WriteTextAsync(Path.Combine(directory, throughputFile), SvgLineChart.Render(
                $"{scenario.Name}: throughput", "seconds since warm-up ended", "iterations per second",
                [new ChartSeries("ok/s", "#2a9d3a", ok), new ChartSeries("failed/s", "#d62728", failed)]), written, cancellationToken);
            await WriteTextAsync(Path.Combine(directory, latencyFile), SvgLineChart.Render(
                $"{scenario.Name}: latency per second", "seconds since warm-up ended", "latency (ms)",
                [new ChartSeries("p50", "#7f7f7f", p50), new ChartSeries("p99", "#1f77b4", p99)]), written, cancellationToken);
            charts[scenario.Name] = (throughputFile, latencyFile);
        }

        await WriteTextAsync(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(report, Json), written, cancellationToken);
        await WriteTextAsync(Path.Combine(directory, name + ".md"), MarkdownReport.Render(report, charts), written, cancellationToken);
        return written;
    }

    /// <summary>A file-name-safe form of a scenario name.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "scenario" : text;
    }

    private static async Task WriteTextAsync(string path, string text, List<string> written, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        written.Add(path);
    }
}
