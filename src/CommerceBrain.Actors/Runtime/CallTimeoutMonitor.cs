using System.Collections.Concurrent;

namespace CommerceBrain.Actors.Runtime;

/// <summary>
/// Times out pending calls with one periodic scan instead of one timer per call (as Orleans' callback expiry check does).
/// A call fails between its deadline and one scan period later; the period is a quarter of the timeout, at most one second.
/// </summary>
internal sealed class CallTimeoutMonitor : IDisposable
{
    private readonly ConcurrentDictionary<CallRequest, byte> _pending = new(ReferenceEqualityComparer.Instance);
    private readonly TimeProvider _time;
    private readonly ITimer _timer;

    public CallTimeoutMonitor(TimeProvider time, TimeSpan timeout)
    {
        _time = time;
        Timeout = timeout;
        var period = TimeSpan.FromTicks(Math.Min(timeout.Ticks / 4, TimeSpan.TicksPerSecond));
        if (period < TimeSpan.FromMilliseconds(1))
        {
            period = TimeSpan.FromMilliseconds(1);
        }

        _timer = time.CreateTimer(static s => ((CallTimeoutMonitor)s!).Scan(), this, period, period);
    }

    public TimeSpan Timeout { get; }

    public TimeProvider Time => _time;

    public int PendingCount => _pending.Count;

    public void Track(CallRequest request) => _pending.TryAdd(request, 0);

    public void Untrack(CallRequest request) => _pending.TryRemove(request, out _);

    public void Dispose() => _timer.Dispose();

    private void Scan()
    {
        var now = _time.GetTimestamp();
        foreach (var request in _pending.Keys)
        {
            if (request.IsAbandoned)
            {
                _pending.TryRemove(request, out _);
            }
            else if (now >= request.Deadline)
            {
                _pending.TryRemove(request, out _);
                request.TimeOut();
            }
        }
    }
}
