using CommerceBrain.Commerce;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Storage;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace CommerceBrain.Coupons.Tests.Grains;

/// <summary>
/// A claim whose call to its shard failed (here: timed out while the group commit was still waiting) may still have
/// been committed. The claimant must not keep believing the customer holds nothing: the ledger is the truth.
/// </summary>
public sealed class LateGrantTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cb-coupons-late-" + Guid.NewGuid().ToString("N"));
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = directory,
            ["CommerceBrain:Commerce:SeedDemoData"] = "false",
            // Every commit takes longer than a grain call may: the shard's answer always comes too late.
            ["CommerceBrain:Storage:GroupCommit:FlushDelay"] = "00:00:02",
        }).Build();
        var settings = StorageSettings.FromConfiguration(configuration);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCommerceBrainStorage(settings);
            silo.Services.AddCommerce(configuration);
            silo.Services.AddCoupons(configuration);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(1));
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    [Fact]
    public async Task A_grant_committed_after_its_claim_failed_still_counts_against_the_per_user_limit()
    {
        var id = Campaign.NewId();
        await cluster.Client.GetGrain<ICampaignGrain>(id).Create(Campaign.With(budget: 10_000, perUserLimit: 1, shards: 1));
        var claimant = cluster.Client.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(id, "alice"));
        var ledger = cluster.GetSiloServiceProvider().GetRequiredService<CouponLedger>();

        await Assert.ThrowsAnyAsync<Exception>(() => claimant.Claim("first").WaitAsync(Timeout));
        using (var deadline = new CancellationTokenSource(Timeout))
        {
            while ((await ledger.CustomerGrantsAsync(id, "alice", deadline.Token)).Count == 0)
            {
                await Task.Delay(50, deadline.Token);
            }
        }

        var second = await claimant.Claim("second").WaitAsync(Timeout);

        Assert.Equal(DenialReason.PerUserLimit, second.Reason);
        var held = Assert.Single(await ledger.CustomerGrantsAsync(id, "alice"));
        var again = await claimant.Claim("first").WaitAsync(Timeout);
        Assert.Equal(ClaimOutcome.Repeated, again.Outcome);
        Assert.Equal(held.CouponId, again.Grant!.CouponId);
    }

    [Fact]
    public async Task A_claim_with_another_key_sent_before_the_late_commit_lands_cannot_pass_the_per_user_limit()
    {
        var id = Campaign.NewId();
        await cluster.Client.GetGrain<ICampaignGrain>(id).Create(Campaign.With(budget: 10_000, perUserLimit: 1, shards: 1));
        var claimant = cluster.Client.GetGrain<ICouponClaimantGrain>(CampaignKeys.Claimant(id, "bob"));
        var ledger = cluster.GetSiloServiceProvider().GetRequiredService<CouponLedger>();
        await Assert.ThrowsAnyAsync<Exception>(() => claimant.Claim("first").WaitAsync(Timeout));

        // At once, while "first" is still on its way to the ledger: the claimant must wait for it, not grant again.
        ClaimResult? second = null;
        using (var deadline = new CancellationTokenSource(Timeout))
        {
            while (second is null)
            {
                deadline.Token.ThrowIfCancellationRequested();
                try
                {
                    second = await claimant.Claim("second").WaitAsync(Timeout);
                }
                catch (TimeoutException)
                {
                    // The shard is still waiting for the slow commit; ask again, as a client would.
                }
            }
        }

        Assert.Equal(DenialReason.PerUserLimit, second.Reason);
        var held = Assert.Single(await ledger.CustomerGrantsAsync(id, "bob"));
        Assert.Equal("first", held.IdempotencyKey);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the OS temp cleaner takes it.
        }
    }
}
