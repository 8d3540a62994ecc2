using System.Globalization;

namespace CommerceBrain.Load.Running;

/// <summary>Progress for logs and pipes: one line per scenario every <c>every</c> samples (5 s by default).</summary>
internal sealed class PlainProgress(TextWriter output, int every = 5) : IRunObserver
{
    private int samples;

    /// <inheritdoc />
    public void OnProgress(IReadOnlyList<ScenarioProgress> scenarios)
    {
        if (++samples % every != 0)
        {
            return;
        }

        foreach (var s in scenarios)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{s.ElapsedSeconds,6:0}/{s.TotalSeconds:0} s] {s.Name} {s.Phase}: {s.Rps:0.0}/s p50 {s.P50Ms:0.00} ms p99 {s.P99Ms:0.00} ms ok {s.Ok} failed {s.Failed}"));
        }

        output.Flush();
    }
}
