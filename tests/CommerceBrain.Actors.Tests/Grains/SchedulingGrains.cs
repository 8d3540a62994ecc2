using CommerceBrain.Actors.Tests.Infrastructure;

namespace CommerceBrain.Actors.Tests.Grains;

public interface ISerialGrain : IGrainWithStringKey
{
    Task<int> Work();

    Task<int> MaxConcurrency();

    Task<bool> ResumesOnGrainContext();

    Task Block(string gate);

    Task<int> Marked();

    Task Mark();

    Task<string?> AmbientValue();
}

public static class Ambient
{
    public static readonly AsyncLocal<string?> Value = new();
}

/// <summary>Counts requests inside the grain across awaits; a non-reentrant grain must never see two.</summary>
public sealed class SerialGrain(Probe probe) : Grain, ISerialGrain
{
    private int _inside;
    private int _max;
    private int _count;
    private int _marked;

    public async Task<int> Work()
    {
        _inside++;
        _max = Math.Max(_max, _inside);
        await Task.Yield();
        await Task.Delay(1);
        await Task.Yield();
        _inside--;
        return ++_count;
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public async Task<bool> ResumesOnGrainContext()
    {
        var before = SynchronizationContext.Current;
        await Task.Delay(1);
        return before is not null && ReferenceEquals(before, SynchronizationContext.Current);
    }

    public async Task Block(string gate)
    {
        probe.Record($"blocked:{gate}");
        await probe.WaitUntil(() => probe.Count(gate) > 0, gate);
    }

    public Task<int> Marked() => Task.FromResult(_marked);

    public Task<string?> AmbientValue() => Task.FromResult(Ambient.Value.Value);

    public Task Mark()
    {
        _marked++;
        return Task.CompletedTask;
    }
}

public interface IPartnerGrain : IGrainWithStringKey
{
    /// <summary>Waits until a second call arrives; only possible if calls interleave.</summary>
    Task<string> MeetPartner();
}

[Reentrant]
public sealed class ReentrantPartnerGrain : Grain, IPartnerGrain
{
    private TaskCompletionSource? _first;

    public async Task<string> MeetPartner()
    {
        if (_first is null)
        {
            _first = new TaskCompletionSource();
            await _first.Task;
            return "first";
        }

        _first.SetResult();
        return "second";
    }
}

public interface IInterleaveGrain : IGrainWithStringKey
{
    Task<string> WaitForRelease();

    [AlwaysInterleave]
    Task Release();

    [AlwaysInterleave]
    Task<string> LongPoll();

    Task<int> Normal();
}

public sealed class InterleaveGrain : Grain, IInterleaveGrain
{
    private readonly TaskCompletionSource _released = new();

    public async Task<string> WaitForRelease()
    {
        await _released.Task;
        return "released";
    }

    private int _normal;

    public Task Release()
    {
        _released.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task<string> LongPoll()
    {
        await _released.Task;
        return "update";
    }

    public Task<int> Normal() => Task.FromResult(++_normal);
}

public interface IReadWriteGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<int> Read();

    [ReadOnly]
    Task MeetOtherReader();

    Task Write();

    [ReadOnly]
    Task<(int MaxReaders, bool Overlap)> Report();
}

public sealed class ReadWriteGrain : Grain, IReadWriteGrain
{
    private int _readers;
    private int _maxReaders;
    private bool _writerInside;
    private bool _overlap;
    private int _value;
    private TaskCompletionSource? _waitingReader;

    public async Task<int> Read()
    {
        Enter();
        await Task.Yield();
        await Task.Delay(1);
        _overlap |= _writerInside;
        _readers--;
        return _value;
    }

    public async Task MeetOtherReader()
    {
        Enter();
        if (_waitingReader is null)
        {
            _waitingReader = new TaskCompletionSource();
            await _waitingReader.Task;
        }
        else
        {
            _waitingReader.SetResult();
        }

        _readers--;
    }

    public async Task Write()
    {
        _writerInside = true;
        _overlap |= _readers > 0;
        await Task.Yield();
        await Task.Delay(1);
        _overlap |= _readers > 0;
        _value++;
        _writerInside = false;
    }

    public Task<(int MaxReaders, bool Overlap)> Report() => Task.FromResult((_maxReaders, _overlap));

    private void Enter()
    {
        _readers++;
        _maxReaders = Math.Max(_maxReaders, _readers);
        _overlap |= _writerInside;
    }
}

public interface ICycleGrain : IGrainWithStringKey
{
    Task CallPartner(string partnerKey);

    Task CallBack(string callerKey);

    Task<string> Ping();
}

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task CallPartner(string partnerKey) => GrainFactory.GetGrain<ICycleGrain>(partnerKey).CallBack(this.GetPrimaryKeyString());

    public Task CallBack(string callerKey) => GrainFactory.GetGrain<ICycleGrain>(callerKey).Ping();

    public Task<string> Ping() => Task.FromResult("pong");
}

public interface IFaultyGrain : IGrainWithStringKey
{
    Task FailAfterAwait(string message);

    Task<int> FailSynchronously(string message);

    ValueTask<int> FailValueTask(string message);

    Task<int> Healthy();
}

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    private int _calls;

    public async Task FailAfterAwait(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task<int> FailSynchronously(string message) => throw new ArgumentException(message);

    public async ValueTask<int> FailValueTask(string message)
    {
        await Task.Yield();
        throw new FormatException(message);
    }

    public Task<int> Healthy() => Task.FromResult(++_calls);
}
