namespace CommerceBrain.Load.Double11;

/// <summary>
/// The simulated agents of a run: each goes online in every skill group with the run's capacity and follows the
/// sessions the queue assigns to it (<see cref="SimulatedAgent"/>); stopped at the end of the run (set offline).
/// Agent ids are stable across runs (<c>load-agent-001</c> …), so a run also takes over what a crashed run left.
/// </summary>
public sealed class AgentDesk(SiloClient silo, AckJournal journal, Double11Options options, TextWriter log) : IAsyncDisposable
{
    /// <summary>How long agents may finish sessions in hand once the run is over.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource drain = new();
    private readonly List<SimulatedAgent> agents = [];
    private readonly List<Task> loops = [];

    /// <summary>Sessions attached, replied to and resolved over all agents, and failed agent actions.</summary>
    public string Summary =>
        $"{agents.Sum(a => a.Attached)} attached, {agents.Sum(a => a.Replied)} replied, {agents.Sum(a => a.Resolved)} resolved, {agents.Sum(a => a.Left)} closed by the customer before an agent came, {agents.Sum(a => a.Failures)} failed actions";

    /// <summary>Brings every agent online (in parallel, a few at a time) and starts their loops.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 1; i <= options.Agents; i++)
        {
            agents.Add(new SimulatedAgent($"load-agent-{i:000}", silo, journal, options, log));
        }

        await Parallel.ForEachAsync(agents, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (agent, ct) => await agent.GoOnlineAsync(ct));
        foreach (var agent in agents)
        {
            loops.Add(agent.RunAsync(stop.Token, drain.Token));
        }
    }

    /// <summary>Stops the loops, gives sessions in hand <see cref="Grace"/> to finish and sets every agent offline.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        drain.CancelAfter(Grace);
        try
        {
            await Task.WhenAll(loops).WaitAsync(Grace + TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            log.WriteLine("double11: some agents were still busy when the run ended");
        }

        using var offline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Parallel.ForEachAsync(agents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (agent, _) => await agent.GoOfflineAsync(offline.Token));
        stop.Dispose();
        drain.Dispose();
    }
}
