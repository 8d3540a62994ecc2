using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Commerce.Tests.Fixtures;
using CommerceBrain.Nlu.Entities;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Commerce.Tests.Seeding;

/// <summary>The full demo marketplace as the module's hosted service seeds it on the first start of an empty database.</summary>
[Collection(CommerceSiloCollection.Name)]
public sealed class DemoDataSeedingTests(CommerceSiloFixture silo)
{
    [Fact]
    public async Task The_first_start_seeds_the_full_marketplace_with_every_order_status()
    {
        Assert.True(await silo.Store.CountAsync(CommerceTables.Merchants) >= 50);
        Assert.Equal(2_000, await silo.Store.CountAsync(CommerceTables.Products));
        Assert.Equal(5_000, await silo.Store.CountAsync(CommerceTables.Customers));
        await using var connection = await silo.Database.OpenConnectionAsync();
        // Other tests create orders, placed now; every seeded one was placed before the generator's anchor.
        Assert.Equal(20_000, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM orders WHERE placed_at_ms < @anchor", new { anchor = DemoDataGenerator.Anchor.ToUnixTimeMilliseconds() }));
        var byStatus = (await connection.QueryAsync<(string Status, long Count)>("SELECT status, count(*) FROM orders GROUP BY status"))
            .ToDictionary(r => r.Status, r => r.Count);
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            Assert.True(byStatus.GetValueOrDefault(StoredNames.Of(status)) >= 100, $"too few {status} orders");
        }

        var refundStatuses = (await connection.QueryAsync<string>("SELECT DISTINCT status FROM refunds")).ToHashSet();
        Assert.Equal(Enum.GetValues<RefundStatus>().Select(StoredNames.Of).ToHashSet(), refundStatuses);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM orders o WHERE o.status IN ('shipped', 'delivered', 'completed') AND NOT EXISTS (SELECT 1 FROM tracking_events e WHERE e.order_id = o.order_id)"));
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT customer_id) FROM customer_coupons") > 1_000);
        Assert.Equal("done", (await silo.Store.GetSeedMarkerAsync(DemoDataSeeder.MarkerName))!.State);
    }

    [Fact]
    public async Task Every_merchant_hands_its_own_faq_of_6_to_12_distinct_pairs_to_the_nlu_module()
    {
        Assert.Equal(DemoMerchants.All.Select(m => m.MerchantId).Order(), silo.Publisher.Published.Keys.Order());
        foreach (var (merchantId, pairs) in silo.Publisher.Published)
        {
            Assert.InRange(pairs.Count, 6, 12);
            Assert.Equal(pairs.Count, pairs.Select(p => p.Question).Distinct().Count());
            Assert.All(pairs, p => Assert.False(string.IsNullOrWhiteSpace(p.Answer)));
            var stored = await silo.Store.ListMerchantFaqsAsync(merchantId);
            Assert.Equal(pairs.Select(p => (p.Id, p.Question, p.Answer)), stored.Select(r => (r.FaqId, r.Question, r.Answer)));
        }

        Assert.Contains(silo.Publisher.Published.Values.SelectMany(p => p), p => p.Question == "退货地址是什么？");
        Assert.Contains(silo.Publisher.Published["m-008"], p => p.Question == "How do I choose my size?");
        Assert.Contains(silo.Publisher.Published["m-001"], p => p.Question == "How long is the warranty?");
    }

    [Fact]
    public async Task The_generator_gives_the_same_rows_every_time()
    {
        var first = DemoDataGenerator.Generate(DemoDataSize.Small);
        var second = DemoDataGenerator.Generate(DemoDataSize.Small);

        Assert.Equal(first.Orders.Select(o => (o.OrderId, o.CustomerId, o.TotalMinor, o.PlacedAtMs)), second.Orders.Select(o => (o.OrderId, o.CustomerId, o.TotalMinor, o.PlacedAtMs)));
        Assert.Equal(first.FaqRows.Select(f => f.Answer), second.FaqRows.Select(f => f.Answer));
        Assert.Equal(first.Orders.Count, first.Orders.Select(o => o.OrderId).Distinct().Count());

        var seeded = await silo.Store.GetOrderAsync(WellKnownDemoData.AliceHighValueOrder);
        Assert.Equal(WellKnownDemoData.Alice, seeded!.CustomerId);
    }

    [Fact]
    public async Task A_second_run_on_a_seeded_database_changes_nothing()
    {
        var report = await silo.App.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(null, CancellationToken.None);

        Assert.Equal(SeedOutcome.AlreadySeeded, report.Outcome);
        Assert.Equal(2_000, await silo.Store.CountAsync(CommerceTables.Products));
    }

    [Fact]
    public async Task The_nlu_extractor_finds_seeded_order_ids_in_english_and_chinese_questions()
    {
        await using var connection = await silo.Database.OpenConnectionAsync();
        var ids = (await connection.QueryAsync<string>("SELECT order_id FROM orders WHERE order_id < '2030' ORDER BY order_id LIMIT 200")).ToList();
        ids.Add(WellKnownDemoData.AliceShippedOrder);
        ids.Add(WellKnownDemoData.WangFangShippedOrder);

        foreach (var id in ids)
        {
            Assert.Contains(EntityExtractor.Extract($"where is my order {id}"), e => e.Kind == EntityKind.OrderId && e.Value == id);
            Assert.Contains(EntityExtractor.Extract($"我的订单{id}到哪了"), e => e.Kind == EntityKind.OrderId && e.Value == id);
        }
    }
}
