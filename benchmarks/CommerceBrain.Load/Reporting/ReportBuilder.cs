using CommerceBrain.Load.Running;
using HdrHistogram;

namespace CommerceBrain.Load.Reporting;

/// <summary>Turns a <see cref="RunResult"/> into the report model.</summary>
internal static class ReportBuilder
{
    /// <summary>The report of <paramref name="result"/>.</summary>
    public static LoadReport Build(RunResult result, string profile, string target, string machine, string commit)
    {
        var scenarios = new List<ScenarioReport>(result.Scenarios.Count);
        foreach (var s in result.Scenarios)
        {
            var seconds = s.MeasuredSeconds;
            var steps = new List<StepReport>(s.Steps.Count);
            foreach (var step in s.Steps)
            {
                steps.Add(new StepReport(step.Name, step.Ok, step.Failed, Rate(step.Ok + step.Failed, seconds), Latency(step.Latency), Errors(step),
                    Outcomes(step)));
            }

            var it = s.Iterations;
            scenarios.Add(new ScenarioReport(s.Name, it.Ok + it.Failed, it.Ok, it.Failed, Rate(it.Ok + it.Failed, seconds), Math.Round(seconds, 3),
                Latency(it.Latency), Errors(it), Outcomes(it), steps));
        }

        var timeline = new List<TimelineReport>(result.Timeline.Count);
        foreach (var row in result.Timeline)
        {
            timeline.Add(new TimelineReport(row.Second, row.Scenario, row.Ok, row.Failed, Math.Round(row.P99Ms, 3)));
        }

        return new LoadReport(profile, target, result.StartedAt, Math.Round(result.DurationSeconds, 3), machine, commit, result.Interrupted, scenarios, timeline);
    }

    /// <summary>Mean and percentiles of a microsecond histogram, in milliseconds (all 0 when empty).</summary>
    public static LatencyReport Latency(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return new LatencyReport(0, 0, 0, 0, 0, 0);
        }

        static double Ms(double micros) => Math.Round(micros / 1000.0, 3);
        return new LatencyReport(
            Ms(histogram.GetMean()),
            Ms(histogram.GetValueAtPercentile(50)),
            Ms(histogram.GetValueAtPercentile(90)),
            Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetValueAtPercentile(99.9)),
            Ms(histogram.GetMaxValue()));
    }

    private static double Rate(long count, double seconds) => seconds <= 0 ? 0 : Math.Round(count / seconds, 2);

    private static List<OutcomeReport> Outcomes(OutcomeResult outcome)
    {
        var list = new List<OutcomeReport>(outcome.Outcomes.Count);
        foreach (var (status, count) in outcome.Outcomes)
        {
            list.Add(new OutcomeReport(status, count));
        }

        return list;
    }

    private static List<ErrorReport> Errors(OutcomeResult outcome)
    {
        var list = new List<ErrorReport>(outcome.Errors.Count);
        foreach (var (error, count) in outcome.Errors)
        {
            list.Add(new ErrorReport(error.Status, error.Message, count));
        }

        return list;
    }
}
