using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using Microsoft.Extensions.Logging;

namespace CommerceBrain.Coupons.Grains;

/// <summary>A coupon campaign's budget; the authority for how much budget is left to lease out.</summary>
internal sealed class CampaignGrain(
    [PersistentState("coupons-campaign")] IPersistentState<CampaignState> state,
    CouponLedger ledger,
    TimeProvider clock,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain
{
    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Spec is null)
        {
            return;
        }

        // The ledger is the truth: a shard can never have granted more than its lease says.
        var totals = await ledger.CampaignTotalsAsync(Id, cancellationToken);
        var raised = state.State.Reconcile(totals.Select(t => (t.Shard, t.Amount)));
        foreach (var (shard, spent, leased) in raised)
        {
            CouponsLog.LeaseReconciled(logger, Id, shard, spent, leased);
        }

        if (raised.Count > 0)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<CampaignView?> Create(CampaignSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (state.State.Spec is not null)
        {
            return null;
        }

        state.State.Spec = spec;
        state.State.Status = CampaignStatus.Active;
        state.State.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        CouponsLog.CampaignCreated(logger, Id, spec.Budget, spec.Shards);
        await Directory().Register(CampaignListing.Of(state.State.Terms(Id)!));
        return await View();
    }

    public Task<CampaignView?> Pause() => ChangeStatus(CampaignStatus.Active, CampaignStatus.Paused);

    public Task<CampaignView?> Resume() => ChangeStatus(CampaignStatus.Paused, CampaignStatus.Active);

    public Task<CampaignView?> Close() => ChangeStatus(null, CampaignStatus.Closed);

    public async Task<CampaignView?> View()
    {
        var spec = state.State.Spec;
        if (spec is null)
        {
            return null;
        }

        var shards = await Task.WhenAll(Enumerable.Range(0, spec.Shards).Select(k => Shard(k).Stats()));
        var denials = new Dictionary<DenialReason, long>();
        foreach (var (reason, count) in shards.SelectMany(s => s.Denials))
        {
            denials[reason] = denials.GetValueOrDefault(reason) + count;
        }

        var amount = shards.Sum(s => s.GrantedAmount);
        var stats = new CampaignStats(shards.Sum(s => s.GrantedCount), amount, spec.Budget - amount, state.State.TotalLeased,
            denials, shards.Sum(s => s.RatePerSecond));
        return new CampaignView(Id, spec, state.State.Status, state.State.CreatedAt, stats);
    }

    public Task<CampaignTerms?> Terms() => Task.FromResult(state.State.Terms(Id));

    public Task<BudgetLease?> ShardLease(int shard) => Task.FromResult(LeaseAnswer(shard, 0));

    public async Task<BudgetLease?> LeaseBudget(int shard, long wanted)
    {
        if (state.State.Spec is null)
        {
            return null;
        }

        var granted = state.State.Lease(shard, wanted);
        if (granted > 0)
        {
            // Durable before anyone spends it: a shard rebuilt after a crash asks for its total again.
            await state.WriteStateAsync();
            CouponsTelemetry.Leases.Add(1);
            CouponsLog.Leased(logger, Id, shard, granted, wanted);
        }

        return LeaseAnswer(shard, granted);
    }

    private BudgetLease? LeaseAnswer(int shard, long granted) => state.State.Terms(Id) is { } terms
        ? new BudgetLease(granted, state.State.LeasedTo(shard), state.State.Unleased == 0, terms)
        : null;

    private async Task<CampaignView?> ChangeStatus(CampaignStatus? from, CampaignStatus to)
    {
        if (state.State.Spec is null)
        {
            return null;
        }

        if ((from is null || state.State.Status == from) && state.State.Status != CampaignStatus.Closed && state.State.Status != to)
        {
            state.State.Status = to;
            state.State.StatusVersion++;
            await state.WriteStateAsync();
            CouponsLog.CampaignStatusChanged(logger, Id, to.ToString());
            var terms = state.State.Terms(Id)!;
            await Task.WhenAll(Enumerable.Range(0, state.State.Spec.Shards).Select(k => Shard(k).TermsChanged(terms)));
            await Directory().Register(CampaignListing.Of(terms));
        }

        return await View();
    }

    private ICampaignDirectoryGrain Directory() => GrainFactory.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key);

    private IBudgetShardGrain Shard(int shard) => GrainFactory.GetGrain<IBudgetShardGrain>(CampaignKeys.Shard(Id, shard));
}
