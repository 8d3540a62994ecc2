using System.Globalization;
using System.Text;

namespace CommerceBrain.Load.Reporting;

/// <summary>The Markdown report: a summary table, then per scenario its charts, steps, OK outcomes by status and errors.</summary>
internal static class MarkdownReport
{
    /// <summary>The Markdown text of <paramref name="report"/>; <paramref name="charts"/> maps a scenario to its chart file names.</summary>
    public static string Render(LoadReport report, IReadOnlyDictionary<string, (string Throughput, string Latency)> charts)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"# Load report: {report.Profile} against {report.Target}"));
        md.AppendLine();
        md.AppendLine(Inv($"- started {report.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, load ran {report.DurationSeconds:0.0} s"));
        md.AppendLine(Inv($"- machine: {report.Machine}"));
        md.AppendLine(Inv($"- commit: {report.Commit}"));
        if (report.Interrupted)
        {
            md.AppendLine("- **interrupted** (Ctrl+C or the time cap): the figures cover what ran until then");
        }

        md.AppendLine("- latency in ms; open-model iterations are timed from their intended start; warm-up excluded");
        md.AppendLine();
        md.AppendLine("| scenario | iterations | ok | failed | rps | mean | p50 | p90 | p99 | p99.9 | max | ok outcomes |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in report.Scenarios)
        {
            md.AppendLine(Inv($"| {Cell(s.Name)} | {s.Iterations:N0} | {s.Ok:N0} | {s.Failed:N0} | {s.Rps:N1} | {LatencyCells(s.Latency)} | {Cell(OutcomeSummary.Describe(s.Outcomes))} |"));
        }

        foreach (var s in report.Scenarios)
        {
            md.AppendLine();
            md.AppendLine(Inv($"## {s.Name}"));
            md.AppendLine();
            if (charts.TryGetValue(s.Name, out var files))
            {
                md.AppendLine(Inv($"![{s.Name}: throughput over time]({files.Throughput})"));
                md.AppendLine();
                md.AppendLine(Inv($"![{s.Name}: latency over time]({files.Latency})"));
                md.AppendLine();
            }

            if (s.Steps.Count > 0)
            {
                md.AppendLine("| step | ok | failed | rps | mean | p50 | p90 | p99 | p99.9 | max |");
                md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                foreach (var step in s.Steps)
                {
                    md.AppendLine(Inv($"| {Cell(step.Name)} | {step.Ok:N0} | {step.Failed:N0} | {step.Rps:N1} | {LatencyCells(step.Latency)} |"));
                }

                md.AppendLine();
            }

            AppendOutcomes(md, s);
            var hasErrors = s.Errors.Count > 0;
            foreach (var step in s.Steps)
            {
                hasErrors |= step.Errors.Count > 0;
            }

            if (!hasErrors)
            {
                md.AppendLine("No errors.");
                continue;
            }

            md.AppendLine("| where | status | message | count |");
            md.AppendLine("|---|---|---|---:|");
            foreach (var e in s.Errors)
            {
                md.AppendLine(Inv($"| iteration | {Cell(e.Status)} | {Cell(e.Message)} | {e.Count:N0} |"));
            }

            foreach (var step in s.Steps)
            {
                foreach (var e in step.Errors)
                {
                    md.AppendLine(Inv($"| step {Cell(step.Name)} | {Cell(e.Status)} | {Cell(e.Message)} | {e.Count:N0} |"));
                }
            }
        }

        return md.ToString();
    }

    // OK responses by status: how the load landed (a FAQ answered or handed over, a coupon granted or denied...).
    private static void AppendOutcomes(StringBuilder md, ScenarioReport s)
    {
        var any = s.Outcomes.Count > 0;
        foreach (var step in s.Steps)
        {
            any |= step.Outcomes.Count > 0;
        }

        if (!any)
        {
            return;
        }

        md.AppendLine("| where | ok status | count | share of ok |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var o in s.Outcomes)
        {
            md.AppendLine(Inv($"| iteration | {Cell(o.Status)} | {o.Count:N0} | {Share(o.Count, s.Ok)} |"));
        }

        foreach (var step in s.Steps)
        {
            foreach (var o in step.Outcomes)
            {
                md.AppendLine(Inv($"| step {Cell(step.Name)} | {Cell(o.Status)} | {o.Count:N0} | {Share(o.Count, step.Ok)} |"));
            }
        }

        md.AppendLine();
    }

    private static string Share(long count, long of) => of <= 0 ? "" : Inv($"{100.0 * count / of:0.0} %");

    private static string LatencyCells(LatencyReport l) =>
        Inv($"{l.Mean:0.00} | {l.P50:0.00} | {l.P90:0.00} | {l.P99:0.00} | {l.P999:0.00} | {l.Max:0.00}");

    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
