using System.Diagnostics;
using CommerceBrain.Load.Running;

namespace CommerceBrain.Load;

/// <summary>Timed, checked, named sub-operations of an iteration (NBomber's <c>Step.Run</c>).</summary>
public static class Step
{
    /// <summary>
    /// Runs <paramref name="run"/> as step <paramref name="name"/>: times it (the first step of an open-model iteration from
    /// the iteration's intended start), records its outcome, and turns an exception into a failed response.
    /// </summary>
    public static async Task<Response> Run(string name, IScenarioContext context, Func<Task<Response>> run)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var runner = context as ScenarioContext;
        var start = runner?.TakeStepStart() ?? Stopwatch.GetTimestamp();
        Response response;
        try
        {
            response = await run().ConfigureAwait(false) ?? Response.Fail("no_response", $"step '{name}' returned null");
        }
        catch (Exception ex)
        {
            response = Failures.From(ex, context.CancellationToken);
        }

        if (runner is { Measured: true })
        {
            runner.Stats.Step(name).Record(LatencyClock.Micros(start, Stopwatch.GetTimestamp()), response);
        }

        return response;
    }
}
