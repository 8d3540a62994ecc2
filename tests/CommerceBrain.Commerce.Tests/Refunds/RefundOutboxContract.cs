using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Commerce.Tests.Fixtures;
using CommerceBrain.Storage.Tests.Fixtures;

namespace CommerceBrain.Commerce.Tests.Refunds;

/// <summary>
/// The refund outbox on a silo: a paid refund owed to the listeners is delivered by the sweeper after a failure, by the
/// order grain's activation after a restart, and never again once delivered. Each test gets a fresh seeded database.
/// </summary>
public abstract class RefundOutboxContract : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Sweeping = TimeSpan.FromMilliseconds(100);

    protected IDictionary<string, string?> Database { get; private set; } = null!;

    protected abstract Task<IDictionary<string, string?>> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync() => Database = await CreateDatabaseAsync();

    public Task DisposeAsync() => DropDatabaseAsync();

    private static RefundDecision Approve(string refundId) => new(refundId, true, "Goods returned", "dec-1", "agent-1");

    private static async Task<RefundView> RequestRefundAsync(OutboxSilo silo, string orderId, string customerId)
    {
        var requested = await silo.Grains.GetGrain<IOrderGrain>(orderId).RequestRefund(new RefundRequest(customerId, null, "Broken", "req-1"));
        Assert.Equal(RefundRequestOutcome.Requested, requested.Outcome);
        return requested.Refund!;
    }

    private static async Task<RefundRow> DeliveredAsync(OutboxSilo silo, string orderId, string refundId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var row = (await silo.Store.FindRefundAsync(orderId, refundId, timeout.Token))!;
            if (row.ListenersDoneAtMs is not null && row.ListenersDueAtMs is null)
            {
                return row;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    [Fact]
    public async Task A_listener_that_fails_the_first_time_is_retried_by_the_sweeper_and_the_refund_is_then_marked_delivered()
    {
        await using var silo = await OutboxSilo.StartAsync(Database, Sweeping);
        await silo.SeedAsync();
        var (orderId, customerId) = await silo.UnrefundedOrderAsync(OrderStatus.Completed);
        var refund = await RequestRefundAsync(silo, orderId, customerId);
        silo.Listener.FailuresLeft[orderId] = 1;

        var decided = await silo.Grains.GetGrain<IOrderGrain>(orderId).DecideRefund(Approve(refund.RefundId));

        Assert.Equal(RefundDecisionOutcome.Decided, decided.Outcome);
        var row = await DeliveredAsync(silo, orderId, refund.RefundId);
        Assert.Equal(0, row.ListenerAttempts);
        Assert.Equal(RefundStatus.Paid, StoredNames.RefundStatusOf(row.Status));
        // The decision's delivery failed; the grain stayed active and nobody repeated the decision: the sweeper retried.
        var calls = silo.Listener.CallsFor(orderId);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(refund.RefundId, c.RefundId));
    }

    [Fact]
    public async Task A_delivered_refund_is_not_delivered_again_by_the_sweeper_or_the_order_grain()
    {
        await using var silo = await OutboxSilo.StartAsync(Database, TimeSpan.Zero);
        await silo.SeedAsync();
        var (orderId, customerId) = await silo.UnrefundedOrderAsync(OrderStatus.Delivered);
        var refund = await RequestRefundAsync(silo, orderId, customerId);
        var grain = silo.Grains.GetGrain<IOrderGrain>(orderId);
        await grain.DecideRefund(Approve(refund.RefundId));
        await DeliveredAsync(silo, orderId, refund.RefundId);

        var swept = await silo.Sweeper.SweepOnceAsync(CancellationToken.None);
        var stillOwed = await grain.DeliverOwedRefunds();

        Assert.Equal(0, swept.Orders);
        Assert.Equal(0, stillOwed);
        Assert.Single(silo.Listener.CallsFor(orderId));
    }

    [Fact]
    public async Task A_refund_paid_just_before_a_crash_is_delivered_when_its_order_grain_activates_on_the_restarted_cluster()
    {
        string orderId, refundId;
        await using (var crashed = await OutboxSilo.StartAsync(Database, TimeSpan.Zero))
        {
            await crashed.SeedAsync();
            (orderId, var customerId) = await crashed.UnrefundedOrderAsync(OrderStatus.Completed);
            refundId = (await RequestRefundAsync(crashed, orderId, customerId)).RefundId;
        }

        await using (var restarted = await OutboxSilo.StartAsync(Database, TimeSpan.Zero))
        {
            // What a kill between the commit and the listeners leaves behind: the refund paid, its delivery owed. Written
            // while no silo has the order active (an active order grain's own activation turn could deliver it first).
            Assert.True(await restarted.Store.DecideRefundAsync(
                new RefundRow
                {
                    RefundId = refundId, OrderId = orderId, Status = StoredNames.Of(RefundStatus.Paid),
                    DecidedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), DecidedBy = "agent-1", DecisionRequestId = "dec-1",
                },
                StoredNames.Of(RefundStatus.Requested),
                StoredNames.Of(OrderStatus.Refunded)));
            Assert.Empty(restarted.Listener.Calls);

            var order = await restarted.Grains.GetGrain<IOrderGrain>(orderId).Get();

            await DeliveredAsync(restarted, orderId, refundId);
            var told = Assert.Single(restarted.Listener.CallsFor(orderId));
            Assert.Equal(new OrderRefunded(orderId, order!.CustomerId, refundId, order.TotalMinor, true, null, order.MerchantId), told);
        }

        await using var again = await OutboxSilo.StartAsync(Database, TimeSpan.Zero);
        var grain = again.Grains.GetGrain<IOrderGrain>(orderId);
        await grain.Get();
        Assert.Equal(0, await grain.DeliverOwedRefunds());
        Assert.Equal(0, (await again.Sweeper.SweepOnceAsync(CancellationToken.None)).Orders);
        Assert.Empty(again.Listener.CallsFor(orderId));
    }

    [Fact]
    public async Task A_refund_whose_listener_kept_failing_is_delivered_by_the_sweeper_of_the_next_silo()
    {
        string orderId, refundId;
        await using (var first = await OutboxSilo.StartAsync(Database, TimeSpan.Zero))
        {
            await first.SeedAsync();
            (orderId, var customerId) = await first.UnrefundedOrderAsync(OrderStatus.Delivered);
            refundId = (await RequestRefundAsync(first, orderId, customerId)).RefundId;
            first.Listener.FailFor[orderId] = true;

            var decided = await first.Grains.GetGrain<IOrderGrain>(orderId).DecideRefund(Approve(refundId));

            Assert.Equal(RefundDecisionOutcome.Decided, decided.Outcome);
            var owed = (await first.Store.FindRefundAsync(orderId, refundId))!;
            Assert.Equal(1, owed.ListenerAttempts);
            Assert.NotNull(owed.ListenersDueAtMs);
            Assert.Null(owed.ListenersDoneAtMs);
        }

        await using var next = await OutboxSilo.StartAsync(Database, Sweeping);

        await DeliveredAsync(next, orderId, refundId);
        Assert.Equal(refundId, Assert.Single(next.Listener.CallsFor(orderId)).RefundId);
    }
}

public sealed class SqliteRefundOutboxTests : RefundOutboxContract
{
    private readonly string _directory = TempDirectory.Create("outbox");

    protected override Task<IDictionary<string, string?>> CreateDatabaseAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "Sqlite",
            ["CommerceBrain:DataDirectory"] = _directory,
        });

    protected override Task DropDatabaseAsync()
    {
        TempDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlRefundOutboxTests : RefundOutboxContract
{
    private string? _database;

    protected override async Task<IDictionary<string, string?>> CreateDatabaseAsync()
    {
        var (name, connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync();
        _database = name;
        return new Dictionary<string, string?>
        {
            ["CommerceBrain:Storage:Provider"] = "PostgreSql",
            ["CommerceBrain:Storage:ConnectionString"] = connectionString,
            ["CommerceBrain:DataDirectory"] = Path.Combine(Path.GetTempPath(), "cb-commerce-tests", "pg-data-" + name),
        };
    }

    protected override Task DropDatabaseAsync() => _database is null ? Task.CompletedTask : PostgreSqlTestServer.DropDatabaseAsync(_database);
}
