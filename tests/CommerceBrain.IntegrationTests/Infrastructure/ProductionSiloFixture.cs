using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>One silo in the Production environment (whatever the test run's environment variables say), shared by a test class.</summary>
public sealed class ProductionSiloFixture : IAsyncLifetime
{
    private TestSilo? silo;

    public TestSilo Silo => silo ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => silo = await TestSilo.StartAsync(new ServeSettings(Environment: "Production"));

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
