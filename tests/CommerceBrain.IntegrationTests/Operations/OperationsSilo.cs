using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests.Operations;

/// <summary>A silo of its own for the operations endpoint (so its counts are this class's traffic only), pushing every half second.</summary>
public sealed class OperationsSilo : IAsyncLifetime
{
    public TestSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await TestSilo.StartAsync(waitForNlu: false, configuration: new Dictionary<string, string?>
    {
        ["CommerceBrain:Operations:PushInterval"] = "00:00:00.500",
        ["CommerceBrain:Operations:GaugeInterval"] = "00:00:00.500",
    });

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}
