using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CommerceBrain.Agents.Benchmarks;
using HdrHistogram;

// Live fan-out of customer messages to agents' WebSocket streams (docs/benchmarks.md, "Agent streams"); run through
// benchmarks/agent-streams.sh, which starts a fresh silo. Against a running silo in Development:
//   dotnet run -c Release --project benchmarks/CommerceBrain.Agents.Benchmarks -- --url http://127.0.0.1:5000 \
//       [--sessions 1000] [--agents SESSIONS/10] [--rate 200] [--seconds 60] [--silo-pid PID]
// Exit codes: 0 done (every acknowledged message delivered exactly once and in order), 1 failure, 2 bad arguments.
var (settings, error) = BenchSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine($"agent-streams: {error}");
    return 2;
}

ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);
var inv = CultureInfo.InvariantCulture;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, ConnectTimeout = TimeSpan.FromSeconds(5) })
{
    BaseAddress = settings.Url,
    Timeout = TimeSpan.FromSeconds(30),
};
try
{
    return await new Run(settings, new SiloApi(http), inv).ExecuteAsync();
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"agent-streams: cannot reach {settings.Url}: {ex.Message}");
    return 1;
}
catch (BenchmarkFailure ex)
{
    Console.Error.WriteLine($"agent-streams: {ex.Message}");
    return 1;
}
catch (TimeoutException ex)
{
    Console.Error.WriteLine($"agent-streams: {ex.Message}");
    return 1;
}

/// <summary>One benchmark run: set-up (tokens, presence, escalated sessions, attaches, streams), the load, the report.</summary>
internal sealed class Run(BenchSettings settings, SiloApi api, IFormatProvider inv)
{
    private const int SetupParallelism = 32;
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public async Task<int> ExecuteAsync()
    {
        using (var ready = await HttpGetAsync("/health/ready"))
        {
            if (!ready.IsSuccessStatusCode)
            {
                throw new BenchmarkFailure($"{settings.Url} is not ready: GET /health/ready answered {(int)ready.StatusCode}");
            }
        }

        var clock = Stopwatch.StartNew();
        var customers = Enumerable.Range(1, settings.Sessions).Select(i => $"c-{i:00000}").ToArray();
        var agents = Enumerable.Range(1, settings.Agents).Select(i => $"a-{i:00000}").ToArray();
        var customerTokens = new string[customers.Length];
        var agentTokens = new string[agents.Length];
        await ForAllAsync(customers.Length, async i => customerTokens[i] = await api.TokenAsync(customers[i], "customer"));
        await ForAllAsync(agents.Length, async i => agentTokens[i] = await api.TokenAsync(agents[i], "agent"));
        await ForAllAsync(agents.Length, i => api.GoOnlineAsync(agentTokens[i], settings.Capacity));
        Console.WriteLine($"set-up: {agents.Length} agents online (capacity {settings.Capacity} each) in {clock.Elapsed.TotalSeconds:F1} s");

        var sessionIds = new string[customers.Length];
        await ForAllAsync(customers.Length, async i =>
        {
            sessionIds[i] = await api.OpenSessionAsync(customerTokens[i]);
            var status = await api.SayAsync(customerTokens[i], sessionIds[i], "I want to talk to a human", "escalate");
            if (status != "waiting_for_agent")
            {
                throw new BenchmarkFailure($"session {sessionIds[i]} did not escalate: status '{status}' after asking for a human");
            }
        });
        Console.WriteLine($"set-up: {sessionIds.Length} sessions opened and escalated; {clock.Elapsed.TotalSeconds:F1} s");

        var holder = await AttachAllAsync(sessionIds, agentTokens);
        Console.WriteLine($"set-up: every session attached to an agent; {clock.Elapsed.TotalSeconds:F1} s");

        var deliveries = new Deliveries((int)Math.Round(settings.Rate * settings.Seconds));
        var index = sessionIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var followers = new AgentFollower[sessionIds.Length];
        using var stop = new CancellationTokenSource();
        var reading = new Task[sessionIds.Length];
        await ForAllAsync(sessionIds.Length, async i =>
        {
            var follower = new AgentFollower(i, sessionIds[i], deliveries);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await follower.ConnectAsync(settings.Url, agentTokens[holder[sessionIds[i]]], timeout.Token);
            followers[i] = follower;
            reading[i] = Task.Run(() => follower.RunAsync(stop.Token));
        });
        await Task.WhenAll(followers.Select(f => f.Ready)).WaitAsync(SetupTimeout);
        Console.WriteLine($"set-up: {followers.Length} agent streams open and live; {clock.Elapsed.TotalSeconds:F1} s");

        var before = Cpu.Sample(settings.SiloPid);
        var (acknowledged, failures, ackLatency) = await LoadAsync(deliveries, sessionIds, customerTokens);
        var sendDone = Stopwatch.GetTimestamp();
        using (var drain = new CancellationTokenSource(DrainTimeout))
        {
            while (deliveries.Delivered < acknowledged.Count && !drain.IsCancellationRequested)
            {
                await Task.Delay(20);
            }
        }

        var after = Cpu.Sample(settings.SiloPid);
        // Late repeats would show up here: give the streams a moment after the last delivery before counting.
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(reading);
        await Task.WhenAll(followers.Select(f => f.CloseAsync()));

        var lost = deliveries.Lost(acknowledged);
        var orderErrors = followers.Sum(f => f.OrderErrors);
        var ended = followers.Count(f => f.EndedEarly is not null);
        Report(deliveries, acknowledged.Count, failures, ackLatency, lost, orderErrors, ended, before, after, sendDone);
        return lost == 0 && deliveries.Duplicated == 0 && deliveries.Misrouted == 0 && orderErrors == 0 && ended == 0 && failures.IsEmpty ? 0 : 1;
    }

    /// <summary>
    /// Every agent attaches to the sessions its group's queue assigns to it (round robin among the least loaded) until each
    /// session has an agent; returns session id → agent index.
    /// </summary>
    private async Task<ConcurrentDictionary<string, int>> AttachAllAsync(string[] sessionIds, string[] agentTokens)
    {
        var holder = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var held = new int[agentTokens.Length];
        using var deadline = new CancellationTokenSource(SetupTimeout);
        using var gate = new SemaphoreSlim(SetupParallelism);
        var loops = Enumerable.Range(0, agentTokens.Length).Select(async a =>
        {
            while (held[a] < settings.Capacity && holder.Count < sessionIds.Length)
            {
                deadline.Token.ThrowIfCancellationRequested();
                var progressed = false;
                await gate.WaitAsync(deadline.Token);
                try
                {
                    foreach (var sessionId in await api.AssignedAsync(agentTokens[a]))
                    {
                        if (held[a] < settings.Capacity && !holder.ContainsKey(sessionId)
                            && await api.TryAttachAsync(agentTokens[a], sessionId, $"Agent {a + 1}") && holder.TryAdd(sessionId, a))
                        {
                            held[a]++;
                            progressed = true;
                        }
                    }
                }
                finally
                {
                    gate.Release();
                }

                if (!progressed)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
                }
            }
        });
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"only {holder.Count} of {sessionIds.Length} sessions were attached within {SetupTimeout.TotalMinutes:0} min");
        }

        return holder;
    }

    /// <summary>
    /// Open model: message k is due at start + k / rate, whatever happened to earlier ones, and goes to session k mod N,
    /// so each session's messages are N / rate seconds apart and arrive in the order sent.
    /// </summary>
    private async Task<(List<int> Acknowledged, ConcurrentDictionary<int, int> Failures, HistogramBase AckLatency)> LoadAsync(
        Deliveries deliveries, string[] sessionIds, string[] customerTokens)
    {
        var acknowledged = new ConcurrentBag<int>();
        var failures = new ConcurrentDictionary<int, int>();
        var ackLatency = new LongConcurrentHistogram(1, 3_600_000_000, 3);
        var sends = new List<Task>(deliveries.Messages);
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        Console.WriteLine($"load: {deliveries.Messages} messages at {settings.Rate.ToString(inv)}/s over {sessionIds.Length} sessions for {settings.Seconds} s (open model)");
        for (var k = 0; k < deliveries.Messages; k++)
        {
            var due = start + (long)(k * (Stopwatch.Frequency / settings.Rate));
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
            }

            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.SpinWait(20);
            }

            var message = k;
            var session = k % sessionIds.Length;
            deliveries.Schedule(message, session, due);
            sends.Add(Task.Run(async () =>
            {
                int status;
                try
                {
                    status = await api.PostMessageAsync(customerTokens[session], sessionIds[session], AgentFollower.Prefix + message.ToString(CultureInfo.InvariantCulture), $"b{message}");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                if (status == 200)
                {
                    ackLatency.RecordValue(Math.Clamp((long)Stopwatch.GetElapsedTime(due).TotalMicroseconds, 1, 3_600_000_000));
                    acknowledged.Add(message);
                }
                else
                {
                    failures.AddOrUpdate(status, 1, (_, n) => n + 1);
                }
            }));
        }

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(60));
        return ([.. acknowledged], failures, ackLatency);
    }

    private void Report(Deliveries deliveries, int acknowledged, ConcurrentDictionary<int, int> failures, HistogramBase ackLatency,
        int lost, int orderErrors, int ended, Cpu.Snapshot before, Cpu.Snapshot after, long sendDone)
    {
        var h = deliveries.Latency;
        string Ms(HistogramBase x, double p) => (x.GetValueAtPercentile(p) / 1000.0).ToString("F1", inv);
        string Max(HistogramBase x) => (x.GetMaxValue() / 1000.0).ToString("F1", inv);
        Console.WriteLine($"sent {deliveries.Messages}, acknowledged (200) {acknowledged}, failed {failures.Values.Sum()}" +
            (failures.IsEmpty ? "" : $" ({string.Join(", ", failures.Select(f => $"{(f.Key == 0 ? "no answer" : f.Key.ToString(inv))}: {f.Value}"))})"));
        Console.WriteLine($"delivered to agent streams {deliveries.Delivered}, lost {lost}, duplicated {deliveries.Duplicated}, misrouted {deliveries.Misrouted}, " +
            $"event ids out of order {orderErrors}, streams ended early {ended}");
        Console.WriteLine($"acknowledgement (scheduled send → 200): p50 {Ms(ackLatency, 50)} ms, p99 {Ms(ackLatency, 99)} ms, max {Max(ackLatency)} ms");
        var cpu = Cpu.Describe(before, after);
        Console.WriteLine(cpu);
        Console.WriteLine($"RESULT agent-streams sessions={settings.Sessions} agent_streams={settings.Sessions} agents={settings.Agents} " +
            $"rate={settings.Rate.ToString(inv)}/s seconds={settings.Seconds} sent={deliveries.Messages} delivered={deliveries.Delivered} lost={lost} duplicated={deliveries.Duplicated} | " +
            $"delivery latency p50 {Ms(h, 50)} ms p90 {Ms(h, 90)} ms p99 {Ms(h, 99)} ms max {Max(h)} ms | target p99 <= 100 ms: " +
            $"{(h.TotalCount > 0 && h.GetValueAtPercentile(99) <= 100_000 ? "met" : "missed")}");
    }

    private async Task ForAllAsync(int count, Func<int, Task> action)
    {
        using var timeout = new CancellationTokenSource(SetupTimeout);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = timeout.Token },
                async (i, _) => await action(i));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"a set-up step did not finish within {SetupTimeout.TotalMinutes:0} min");
        }
    }

    private Task<HttpResponseMessage> HttpGetAsync(string path) => api.GetAsync(path);
}
