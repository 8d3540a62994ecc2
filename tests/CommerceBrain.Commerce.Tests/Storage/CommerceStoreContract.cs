using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Commerce.Tests.Fixtures;
using Dapper;

namespace CommerceBrain.Commerce.Tests.Storage;

/// <summary>The commerce store's behaviour, run against SQLite and PostgreSQL on the small seeded marketplace.</summary>
public abstract class CommerceStoreContract(CommerceDatabaseFixture fixture)
{
    private CommerceStore Store => fixture.Harness.Store;

    [Fact]
    public async Task The_first_seed_fills_every_table_and_a_second_seed_does_nothing()
    {
        Assert.Equal(SeedOutcome.Seeded, fixture.FirstSeed.Outcome);
        Assert.Equal(DemoMerchants.All.Count, fixture.FirstSeed.Merchants);
        Assert.Equal(DemoDataSize.Small.Orders, await SeededOrderCountAsync());
        foreach (var table in CommerceTables.All.Where(t => t != CommerceTables.AddressChanges))
        {
            Assert.True(await Store.CountAsync(table) > 0, $"{table} is empty");
        }

        var again = await fixture.Harness.Seeder.SeedAsync(DemoDataSize.Small, null, CancellationToken.None);

        Assert.Equal(SeedOutcome.AlreadySeeded, again.Outcome);
        Assert.Equal(DemoDataSize.Small.Orders, await SeededOrderCountAsync());
    }

    [Fact]
    public async Task A_customers_orders_come_newest_first_with_their_lines_shipments_and_refunds()
    {
        var orders = await Store.ListCustomerOrdersAsync(WellKnownDemoData.Alice, 0, 100);

        Assert.Equal(
            [
                WellKnownDemoData.AlicePendingOrder, WellKnownDemoData.AlicePaidOrder, WellKnownDemoData.AliceShippedOrder,
                WellKnownDemoData.AliceHighValueOrder, WellKnownDemoData.AliceCompletedOrder, WellKnownDemoData.AliceCancelledOrder,
                WellKnownDemoData.AliceRefundedOrder,
            ],
            orders.Select(o => o.OrderId));
        Assert.All(orders, o => Assert.NotEmpty(o.Items));
        Assert.All(orders, o => Assert.Equal(o.TotalMinor, o.Items.Sum(i => i.UnitPriceMinor * i.Quantity)));
        var highValue = orders.Single(o => o.OrderId == WellKnownDemoData.AliceHighValueOrder);
        Assert.Equal(1_299_900, highValue.TotalMinor);
        Assert.Equal("Lumi Electronics", highValue.MerchantName);
        Assert.Equal(OrderStatus.Delivered, highValue.Status);
        Assert.NotNull(highValue.Shipment);
        Assert.Contains("Delivered", highValue.Shipment.Events[^1].Description, StringComparison.Ordinal);
        Assert.Equal(highValue.Shipment.Events.OrderBy(e => e.At).ToList(), highValue.Shipment.Events);
        Assert.Null(orders.Single(o => o.OrderId == WellKnownDemoData.AlicePaidOrder).Shipment);
        Assert.Equal(RefundStatus.Paid, orders.Single(o => o.OrderId == WellKnownDemoData.AliceRefundedOrder).Refunds.Single().Status);

        var secondPage = await Store.ListCustomerOrdersAsync(WellKnownDemoData.Alice, 2, 2);
        Assert.Equal([WellKnownDemoData.AliceShippedOrder, WellKnownDemoData.AliceHighValueOrder], secondPage.Select(o => o.OrderId));
    }

    [Fact]
    public async Task Every_order_status_and_a_contested_refund_are_in_the_seeded_data()
    {
        await using var connection = await fixture.Harness.Database.OpenConnectionAsync();
        var statuses = (await connection.QueryAsync<string>("SELECT DISTINCT status FROM orders")).ToHashSet();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            Assert.Contains(StoredNames.Of(status), statuses);
        }

        var contested = await Store.GetOrderAsync(WellKnownDemoData.WangFangContestedOrder);
        Assert.Equal(RefundStatus.Contested, contested!.Refunds.Single().Status);
        Assert.Equal(contested.Items[0].Sku, contested.Refunds.Single().Sku);
    }

    [Fact]
    public async Task Coupons_list_available_ones_first_then_by_expiry()
    {
        var coupons = await Store.ListCouponsAsync(WellKnownDemoData.Alice);

        Assert.Equal(["cp-000001", "cp-000002", "cp-000004", "cp-000003"], coupons.Select(c => c.CouponId));
        Assert.Equal(CouponStatus.Available, coupons[0].Status);
        Assert.Null(coupons[0].MerchantId);
        Assert.Equal("m-001", coupons[1].MerchantId);
    }

    [Fact]
    public async Task An_order_id_or_a_merchants_request_id_is_never_inserted_twice()
    {
        var day = new DateOnly(2030, 1, 2);
        var id = (await Store.ProposeOrderIdAsync(day))!;
        Assert.Equal("2030010200001", id);
        var order = NewOrder(id, "req-1");

        Assert.True(await Store.InsertOrderAsync(order, [Line(id)]));
        Assert.False(await Store.InsertOrderAsync(order, [Line(id)]));
        var next = (await Store.ProposeOrderIdAsync(day))!;
        Assert.Equal("2030010200002", next);
        Assert.False(await Store.InsertOrderAsync(NewOrder(next, "req-1"), [Line(next)]));
        Assert.Null(await Store.GetOrderAsync(next));
        Assert.Equal(id, await Store.FindOrderIdByRequestAsync("m-001", "req-1"));
        Assert.Equal(OrderStatus.Paid, (await Store.GetOrderAsync(id))!.Status);
    }

    [Fact]
    public async Task Concurrent_order_id_proposals_of_a_day_are_all_distinct_and_consecutive()
    {
        var day = new DateOnly(2030, 2, 3);

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => Store.ProposeOrderIdAsync(day))));

        Assert.All(ids, id => Assert.NotNull(id));
        Assert.Equal(Enumerable.Range(1, 200).Select(n => $"20300203{n:D5}"), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_creations_insert_every_order_under_its_own_id()
    {
        var day = new DateOnly(2030, 2, 4);

        var inserted = await Task.WhenAll(Enumerable.Range(0, 200).Select(n => Task.Run(async () =>
        {
            var id = (await Store.ProposeOrderIdAsync(day))!;
            return await Store.InsertOrderAsync(NewOrder(id, $"req-parallel-{n}"), [Line(id)]);
        })));

        Assert.All(inserted, Assert.True);
        await using var connection = await fixture.Harness.Database.OpenConnectionAsync();
        Assert.Equal(200, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM orders WHERE order_id LIKE '20300204%'"));
    }

    [Fact]
    public async Task A_day_with_stored_orders_continues_above_them_even_when_its_counter_fell_behind()
    {
        var day = new DateOnly(2030, 3, 4);
        Assert.True(await Store.InsertOrderAsync(NewOrder("2030030400042", "req-existing-42"), [Line("2030030400042")]));

        Assert.Equal("2030030400043", await Store.ProposeOrderIdAsync(day));
        Assert.Equal("2030030400044", await Store.ProposeOrderIdAsync(day));

        // An order written past the counter (e.g. by a bulk load) is skipped, not proposed again.
        Assert.True(await Store.InsertOrderAsync(NewOrder("2030030400100", "req-existing-100"), [Line("2030030400100")]));
        Assert.Equal("2030030400101", await Store.ProposeOrderIdAsync(day));
    }

    [Fact]
    public async Task A_full_day_proposes_no_order_id()
    {
        Assert.True(await Store.InsertOrderAsync(NewOrder("2030040599998", "req-almost-full"), [Line("2030040599998")]));

        Assert.Equal("2030040599999", await Store.ProposeOrderIdAsync(new DateOnly(2030, 4, 5)));
        Assert.Null(await Store.ProposeOrderIdAsync(new DateOnly(2030, 4, 5)));
        Assert.Null(await Store.ProposeOrderIdAsync(new DateOnly(2030, 4, 5)));

        Assert.True(await Store.InsertOrderAsync(NewOrder("2030040699999", "req-last-of-day"), [Line("2030040699999")]));
        Assert.Null(await Store.ProposeOrderIdAsync(new DateOnly(2030, 4, 6)));
        Assert.Equal("2030040700001", await Store.ProposeOrderIdAsync(new DateOnly(2030, 4, 7)));
    }

    [Fact]
    public async Task An_address_change_request_is_recorded_once_and_the_first_address_stays()
    {
        var orderId = WellKnownDemoData.BenPaidOrder;
        var first = new AddressChangeRow
        {
            OrderId = orderId, RequestId = "addr-1", CustomerId = WellKnownDemoData.Ben, NewAddress = "1 New Street, Beijing",
            Outcome = StoredNames.Of(AddressChangeOutcome.Changed), RequestedAtMs = 1,
        };

        Assert.True(await Store.RecordAddressChangeAsync(first));
        Assert.False(await Store.RecordAddressChangeAsync(new AddressChangeRow
        {
            OrderId = orderId, RequestId = "addr-1", CustomerId = WellKnownDemoData.Ben, NewAddress = "2 Other Street",
            Outcome = StoredNames.Of(AddressChangeOutcome.Changed), RequestedAtMs = 2,
        }));

        Assert.Equal("1 New Street, Beijing", (await Store.GetOrderAsync(orderId))!.ShippingAddress);
        Assert.Equal("1 New Street, Beijing", (await Store.FindAddressChangeAsync(orderId, "addr-1"))!.NewAddress);
    }

    [Fact]
    public async Task A_refund_request_id_is_inserted_once_per_order()
    {
        var orderId = WellKnownDemoData.AliceCompletedOrder;
        var refund = new RefundRow
        {
            RefundId = $"rf-{orderId}-test", OrderId = orderId, Sku = null, AmountMinor = 100, Reason = "test",
            Status = StoredNames.Of(RefundStatus.Requested), RequestId = "refund-req-1", RequestedAtMs = 5,
        };

        Assert.True(await Store.InsertRefundAsync(refund));
        Assert.False(await Store.InsertRefundAsync(new RefundRow
        {
            RefundId = $"rf-{orderId}-test2", OrderId = orderId, AmountMinor = 100, Reason = "again",
            Status = StoredNames.Of(RefundStatus.Requested), RequestId = "refund-req-1", RequestedAtMs = 6,
        }));

        Assert.Equal(refund.RefundId, (await Store.FindRefundByRequestAsync(orderId, "refund-req-1"))!.RefundId);
        Assert.Single((await Store.GetOrderAsync(orderId))!.Refunds, r => r.Reason is "test" or "again");
    }

    [Fact]
    public async Task A_tracking_event_creates_the_shipment_and_moves_the_status_in_one_step()
    {
        var orderId = WellKnownDemoData.WangFangPaidOrder;
        await Store.AppendTrackingEventAsync(
            new ShipmentRow { OrderId = orderId, Carrier = "SF Express", TrackingNumber = "SF100200300400", ShippedAtMs = 10 },
            new TrackingEventRow { OrderId = orderId, Seq = 1, AtMs = 10, Location = "Zhangzhou", Description = "Picked up" },
            StoredNames.Of(OrderStatus.Shipped));

        var order = await Store.GetOrderAsync(orderId);

        Assert.Equal(OrderStatus.Shipped, order!.Status);
        Assert.Equal("SF100200300400", order.Shipment!.TrackingNumber);
        Assert.Equal("Picked up", order.Shipment.Events.Single().Description);
    }

    [Fact]
    public async Task An_unfinished_seed_is_completed_without_duplicates()
    {
        await Store.SetSeedMarkerAsync(DemoDataSeeder.MarkerName, "seeding", DemoDataGenerator.Version, 1);
        // As if the run had died before the coupons: those rows are missing, the rest is there.
        await fixture.Harness.Database.WriteAsync(async (c, ct) => await c.ExecuteAsync("DELETE FROM customer_coupons"));

        var report = await fixture.Harness.Seeder.SeedAsync(DemoDataSize.Small, null, CancellationToken.None);

        Assert.Equal(SeedOutcome.Seeded, report.Outcome);
        Assert.Equal(DemoDataSize.Small.Orders, await SeededOrderCountAsync());
        Assert.Equal(4, (await Store.ListCouponsAsync(WellKnownDemoData.Alice)).Count);
        Assert.Equal("done", (await Store.GetSeedMarkerAsync(DemoDataSeeder.MarkerName))!.State);
    }

    [Fact]
    public async Task A_paid_refund_is_owed_to_the_listeners_in_the_same_commit_until_its_delivery_completes()
    {
        var orderId = "2030060200001";
        Assert.True(await Store.InsertOrderAsync(NewOrder(orderId, "req-outbox"), [Line(orderId)]));
        RefundRow Requested(int n) => new()
        {
            RefundId = $"rf-{orderId}-{n}", OrderId = orderId, AmountMinor = 100, Reason = "Broken",
            Status = StoredNames.Of(RefundStatus.Requested), RequestId = $"r-{n}", RequestedAtMs = n,
        };
        RefundRow Decided(int n, RefundStatus status) => new()
        {
            RefundId = $"rf-{orderId}-{n}", OrderId = orderId, Status = StoredNames.Of(status), DecidedAtMs = 1_000, DecidedBy = "agent-1",
            DecisionRequestId = $"d-{n}",
        };
        Assert.True(await Store.InsertRefundAsync(Requested(1)));
        Assert.True(await Store.InsertRefundAsync(Requested(2)));

        Assert.True(await Store.DecideRefundAsync(Decided(1, RefundStatus.Paid), StoredNames.Of(RefundStatus.Requested), null));
        Assert.True(await Store.DecideRefundAsync(Decided(2, RefundStatus.Rejected), StoredNames.Of(RefundStatus.Requested), null));

        // Only the paid one is owed, due from its decision time.
        Assert.Empty(await Store.ListDueRefundDeliveriesAsync(orderId, 999));
        var due = Assert.Single(await Store.ListDueRefundDeliveriesAsync(orderId, 1_000));
        Assert.Equal(($"rf-{orderId}-1", 1_000L, 0L), (due.RefundId, due.ListenersDueAtMs!.Value, due.ListenerAttempts));
        Assert.Contains(orderId, await Store.ListOrdersWithDueRefundDeliveriesAsync(1_000, 1_000));
        var (pendingBefore, failingBefore) = await Store.CountOwedRefundDeliveriesAsync();
        Assert.True(pendingBefore >= 1);

        // A failed delivery stays owed, later.
        await Store.PostponeRefundDeliveryAsync(orderId, due.RefundId, 1, 5_000);
        Assert.Empty(await Store.ListDueRefundDeliveriesAsync(orderId, 4_999));
        Assert.DoesNotContain(orderId, await Store.ListOrdersWithDueRefundDeliveriesAsync(4_999, 1_000));
        Assert.Equal(1, Assert.Single(await Store.ListDueRefundDeliveriesAsync(orderId, 5_000)).ListenerAttempts);
        Assert.Equal((pendingBefore, failingBefore + 1), await Store.CountOwedRefundDeliveriesAsync());

        // Delivered: out of the outbox for good.
        await Store.CompleteRefundDeliveryAsync(orderId, due.RefundId, 6_000);
        Assert.Empty(await Store.ListDueRefundDeliveriesAsync(orderId, long.MaxValue));
        Assert.DoesNotContain(orderId, await Store.ListOrdersWithDueRefundDeliveriesAsync(long.MaxValue, 1_000));
        var done = (await Store.FindRefundAsync(orderId, due.RefundId))!;
        Assert.Equal((null, 6_000L, 0L), (done.ListenersDueAtMs, done.ListenersDoneAtMs, done.ListenerAttempts));
        Assert.Equal((pendingBefore - 1, failingBefore), await Store.CountOwedRefundDeliveriesAsync());
    }

    [Fact]
    public async Task Seeded_paid_refunds_are_not_owed_to_the_listeners()
    {
        var refunded = (await Store.GetOrderAsync(WellKnownDemoData.AliceRefundedOrder))!;

        Assert.Equal(RefundStatus.Paid, refunded.Refunds.Single().Status);
        Assert.Empty(await Store.ListDueRefundDeliveriesAsync(WellKnownDemoData.AliceRefundedOrder, long.MaxValue));
    }

    [Fact]
    public async Task A_refund_decision_and_the_orders_new_status_commit_together_and_a_stale_decision_writes_nothing()
    {
        var orderId = "2030060100001";
        Assert.True(await Store.InsertOrderAsync(NewOrder(orderId, "req-decide"), [Line(orderId)]));
        var refund = new RefundRow
        {
            RefundId = $"rf-{orderId}-1", OrderId = orderId, AmountMinor = 1_299_900, Reason = "Broken",
            Status = StoredNames.Of(RefundStatus.Requested), RequestId = "r-1", RequestedAtMs = 2,
        };
        Assert.True(await Store.InsertRefundAsync(refund));
        var paid = new RefundRow
        {
            RefundId = refund.RefundId, OrderId = orderId, Status = StoredNames.Of(RefundStatus.Paid), DecidedAtMs = 3, DecidedBy = "agent-1",
            DecisionReason = "Returned", DecisionRequestId = "d-1",
        };

        var decided = await Store.DecideRefundAsync(paid, StoredNames.Of(RefundStatus.Requested), StoredNames.Of(OrderStatus.Refunded));
        var stale = await Store.DecideRefundAsync(paid, StoredNames.Of(RefundStatus.Requested), StoredNames.Of(OrderStatus.Paid));

        Assert.True(decided);
        Assert.False(stale);
        var order = (await Store.GetOrderAsync(orderId))!;
        Assert.Equal(OrderStatus.Refunded, order.Status);
        var stored = order.Refunds.Single();
        Assert.Equal((RefundStatus.Paid, "Returned", DateTimeOffset.FromUnixTimeMilliseconds(3)), (stored.Status, stored.DecisionReason, stored.DecidedAt));
        Assert.Equal(("agent-1", "d-1"), ((await Store.FindRefundAsync(orderId, refund.RefundId))!.DecidedBy, (await Store.FindRefundAsync(orderId, refund.RefundId))!.DecisionRequestId));
    }

    // Other tests of the class add orders of 2030; the seeded ones are older.
    private async Task<long> SeededOrderCountAsync()
    {
        await using var connection = await fixture.Harness.Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM orders WHERE order_id < '2030'");
    }

    private static OrderRow NewOrder(string id, string requestId) => new()
    {
        OrderId = id, CustomerId = WellKnownDemoData.Ben, MerchantId = "m-001", Status = StoredNames.Of(OrderStatus.Paid), TotalMinor = 1_299_900,
        Currency = "CNY", PlacedAtMs = 1, ShippingAddress = "somewhere", RequestId = requestId, UpdatedAtMs = 1,
    };

    private static OrderItemRow Line(string id) => new()
    {
        OrderId = id, LineNo = 1, Sku = WellKnownDemoData.HighValueSku, Title = "Laptop", Quantity = 1, UnitPriceMinor = 1_299_900,
    };
}

public sealed class SqliteCommerceStoreTests(SqliteCommerceFixture fixture) : CommerceStoreContract(fixture), IClassFixture<SqliteCommerceFixture>;

public sealed class PostgreSqlCommerceStoreTests(PostgreSqlCommerceFixture fixture) : CommerceStoreContract(fixture), IClassFixture<PostgreSqlCommerceFixture>;
