namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>One silo with the shared demo models loaded, for a test class whose tests only read or add per-merchant state.</summary>
public sealed class NluSiloFixture : IAsyncLifetime
{
    private TestSilo? silo;

    public TestSilo Silo => silo ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => silo = await TestSilo.StartAsync();

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
