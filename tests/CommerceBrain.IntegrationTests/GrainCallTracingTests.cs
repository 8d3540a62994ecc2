using System.Collections.Concurrent;
using System.Diagnostics;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.Telemetry;

namespace CommerceBrain.IntegrationTests;

public sealed class GrainCallTracingTests
{
    [Fact]
    public async Task Every_grain_call_gets_an_activity_naming_interface_and_method_but_not_the_key()
    {
        var seen = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SiloTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var silo = await TestSilo.StartAsync();

        await silo.Client.IncrementAsync("traced-customer-42");
        await silo.Client.GetCounterAsync("traced-customer-42");

        var calls = seen.Where(a => a.GetTagItem("rpc.service") as string == "ICounterGrain").ToList();
        Assert.Contains(calls, a => a.DisplayName == "ICounterGrain/Increment" && a.GetTagItem("rpc.method") as string == "Increment");
        Assert.Contains(calls, a => a.DisplayName == "ICounterGrain/Get");
        Assert.All(calls, a => Assert.Equal("counter", a.GetTagItem("commercebrain.grain.type")));
        Assert.All(calls, a => Assert.DoesNotContain(a.TagObjects, t => t.Value is string s && s.Contains("customer-42", StringComparison.Ordinal)));
    }
}
