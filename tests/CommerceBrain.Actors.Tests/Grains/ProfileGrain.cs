using CommerceBrain.Actors.Persistence;
using CommerceBrain.Actors.Tests.Infrastructure;

namespace CommerceBrain.Actors.Tests.Grains;

public sealed class ProfileState
{
    public string Name { get; set; } = "";

    public int Updates { get; set; }
}

public interface IProfileGrain : IGrainWithStringKey
{
    Task SetName(string name);

    Task<string> GetName();

    Task<int> Increment();

    Task<int> IncrementThenDeactivate();

    Task<string?> GetEtag();

    Task<bool> RecordExists();

    Task Clear();

    Task Deactivate();

    Task<long> ActivationNumber();

    Task WaitThenDeactivate(string gate);
}

public sealed class ProfileGrain([PersistentState("profile")] IPersistentState<ProfileState> profile, Probe probe) : Grain, IProfileGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{this.GetPrimaryKeyString()}:{profile.State.Name}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.Code}");
        return Task.CompletedTask;
    }

    public async Task SetName(string name)
    {
        profile.State.Name = name;
        profile.State.Updates++;
        await profile.WriteStateAsync();
    }

    public Task<string> GetName() => Task.FromResult(profile.State.Name);

    public async Task<int> Increment()
    {
        profile.State.Updates++;
        await profile.WriteStateAsync();
        return profile.State.Updates;
    }

    public async Task<int> IncrementThenDeactivate()
    {
        var updates = await Increment();
        DeactivateOnIdle();
        return updates;
    }

    public Task<string?> GetEtag() => Task.FromResult(profile.Etag);

    public Task<bool> RecordExists() => Task.FromResult(profile.RecordExists);

    public Task Clear() => profile.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<long> ActivationNumber() => Task.FromResult(Activation.Id);

    public async Task WaitThenDeactivate(string gate)
    {
        probe.Record($"waiting:{gate}");
        await probe.WaitUntil(() => probe.Count(gate) > 0, gate);
        DeactivateOnIdle();
    }
}
