using CommerceBrain.Actors.Tests.Grains;
using CommerceBrain.Actors.Tests.Infrastructure;

namespace CommerceBrain.Actors.Tests;

public sealed class FilterTests
{
    [Fact]
    public async Task Filters_run_in_registration_order_then_the_grain_filter_then_the_method_and_may_rewrite_the_result()
    {
        await using var cluster = await TestCluster.StartAsync(actors: b => b
            .AddIncomingGrainCallFilter<FirstFilter>()
            .AddIncomingGrainCallFilter<SecondFilter>());

        var result = await cluster.Grains.GetGrain<IFilteredGrain>("f").Echo("hi");

        Assert.Equal("HI!", result);
        Assert.Equal(
            ["first-before:filtered/f:Echo:hi", "second-before", "grain-filter:FilteredGrain.Echo", "method:HI", "second-after", "first-after"],
            cluster.Probe.Events);
    }

    [Fact]
    public async Task A_grain_implementing_the_filter_interface_filters_its_own_calls_without_registered_filters()
    {
        await using var cluster = await TestCluster.StartAsync();

        await cluster.Grains.GetGrain<IFilteredGrain>("own").Touch();

        Assert.Equal(["grain-filter:FilteredGrain.Touch", "method:touch"], cluster.Probe.Events);
    }
}
