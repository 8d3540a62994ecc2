using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests.Coupons;

/// <summary>One silo (SQLite, no demo data) shared by the coupon API tests; each test makes its own campaign.</summary>
public sealed class CouponSilo : IAsyncLifetime
{
    public TestSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await TestSilo.StartAsync(waitForNlu: false);

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}
