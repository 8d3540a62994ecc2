using System.Diagnostics.Metrics;
using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Actors.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task Options_bind_from_the_CommerceBrain_Actors_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CommerceBrain:Actors:CallTimeout"] = "00:00:05",
                ["CommerceBrain:Actors:MaxActivations"] = "1234",
            })
            .Build();

        await using var host = await LocalActorHost.StartAsync(null, null, configuration);
        var options = host.Services.GetRequiredService<IOptions<ActorsOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.CallTimeout);
        Assert.Equal(1234, options.MaxActivations);
        Assert.Equal(TimeSpan.FromMinutes(15), options.CollectionAge);
    }

    [Fact]
    public async Task Invalid_options_fail_start_up_with_the_setting_name()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CommerceBrain:Actors:MaxActivations"] = "0" })
            .Build();

        var error = await Assert.ThrowsAsync<ActorsConfigurationException>(() => LocalActorHost.StartAsync(null, null, configuration));

        Assert.Equal("CommerceBrain:Actors:MaxActivations", error.Setting);
        Assert.Equal("0", error.Value);
        Assert.Equal("CommerceBrain:Actors:MaxActivations is 0; valid range: 1 to 2147483647.", error.Message);
    }

    [Fact]
    public async Task A_non_positive_time_span_option_names_the_setting_and_the_valid_range()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CommerceBrain:Actors:CollectionAge"] = "-00:00:05" })
            .Build();

        var error = await Assert.ThrowsAsync<ActorsConfigurationException>(() => LocalActorHost.StartAsync(null, null, configuration));

        Assert.Equal("CommerceBrain:Actors:CollectionAge", error.Setting);
        Assert.Equal("-00:00:05", error.Value);
        Assert.Contains("greater than 00:00:00", error.ValidRange, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_an_unregistered_grain_interface_explains_how_to_register_it()
    {
        await using var host = await LocalActorHost.StartAsync(null, null);

        var error = Assert.Throws<InvalidOperationException>(() => host.Grains.GetGrain<ISerialGrain>("x"));

        Assert.Contains("ISerialGrain", error.Message);
        Assert.Contains("AddGrain", error.Message);
    }

    [Fact]
    public async Task Calls_and_activations_are_measured_when_a_listener_is_attached()
    {
        long calls = 0;
        long activations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ActorsTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "commercebrain.actors.calls" && HasTag(tags, "grain.type", "metered"))
            {
                Interlocked.Add(ref calls, value);
            }
            else if (instrument.Name == "commercebrain.actors.activations" && HasTag(tags, "grain.type", "metered"))
            {
                Interlocked.Add(ref activations, value);
            }
        });
        listener.Start();
        await using var cluster = await TestCluster.StartAsync();

        var grain = cluster.Grains.GetGrain<IMeteredGrain>("m");
        for (var i = 0; i < 5; i++)
        {
            await grain.Call();
        }

        // Calls that completed asynchronously are recorded by a continuation: await the count rather than read it once.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Interlocked.Read(ref calls) < 5)
        {
            await Task.Delay(10, timeout.Token);
        }

        Assert.Equal(5, Interlocked.Read(ref calls));
        Assert.Equal(1, Interlocked.Read(ref activations));
    }

    [Fact]
    public async Task Calls_and_activations_produce_spans_when_a_tracer_listens()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == ActorsTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("grain.id") is "spanned/s")
                {
                    spans.Enqueue(activity.DisplayName);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var cluster = await TestCluster.StartAsync();

        await cluster.Grains.GetGrain<ISpannedGrain>("s").Call();
        await cluster.StopAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (spans.Count < 3)
        {
            await Task.Delay(10, timeout.Token);
        }

        Assert.Equal(["ISpannedGrain.Call", "activate spanned", "deactivate spanned"], spans.Order(StringComparer.Ordinal));
    }

    private static bool HasTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key && (string?)tag.Value == value)
            {
                return true;
            }
        }

        return false;
    }
}

public interface ISpannedGrain : IGrainWithStringKey
{
    Task Call();
}

public sealed class SpannedGrain : Grain, ISpannedGrain
{
    public Task Call() => Task.CompletedTask;
}

public interface IMeteredGrain : IGrainWithStringKey
{
    Task Call();
}

public sealed class MeteredGrain : Grain, IMeteredGrain
{
    public Task Call() => Task.CompletedTask;
}
