using System.Globalization;
using Spectre.Console;

namespace CommerceBrain.Load.Running;

/// <summary>Live Spectre.Console table (one row per scenario: phase, rps, p50/p99, ok/failed, elapsed/total), refreshed twice a second.</summary>
internal sealed class LiveProgress : IRunObserver
{
    private volatile IReadOnlyList<ScenarioProgress> latest = [];

    /// <summary>True when <paramref name="output"/> is the real console and it is a terminal.</summary>
    public static bool IsSupported(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <inheritdoc />
    public void OnProgress(IReadOnlyList<ScenarioProgress> scenarios) => latest = scenarios;

    /// <summary>Shows the table while <paramref name="run"/> runs; returns its result.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> run)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]CommerceBrain load[/]");
        foreach (var column in new[] { "scenario", "phase", "rps", "p50 ms", "p99 ms", "ok", "failed", "elapsed" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        T result = default!;
        await AnsiConsole.Live(table).AutoClear(false).StartAsync(async context =>
        {
            var work = run();
            while (!work.IsCompleted)
            {
                Render(table, latest);
                context.Refresh();
                await Task.WhenAny(work, Task.Delay(500)).ConfigureAwait(false);
            }

            result = await work.ConfigureAwait(false);
            Render(table, latest);
            context.Refresh();
        }).ConfigureAwait(false);
        return result;
    }

    private static void Render(Table table, IReadOnlyList<ScenarioProgress> scenarios)
    {
        table.Rows.Clear();
        foreach (var s in scenarios)
        {
            table.AddRow(
                Markup.Escape(s.Name),
                s.Phase,
                s.Rps.ToString("N1", CultureInfo.InvariantCulture),
                s.P50Ms.ToString("0.00", CultureInfo.InvariantCulture),
                s.P99Ms.ToString("0.00", CultureInfo.InvariantCulture),
                s.Ok.ToString("N0", CultureInfo.InvariantCulture),
                s.Failed > 0 ? $"[red]{s.Failed.ToString("N0", CultureInfo.InvariantCulture)}[/]" : "0",
                string.Create(CultureInfo.InvariantCulture, $"{s.ElapsedSeconds:0}/{s.TotalSeconds:0} s"));
        }
    }
}
