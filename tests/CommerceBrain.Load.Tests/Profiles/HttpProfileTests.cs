using CommerceBrain.Load.Commands;

namespace CommerceBrain.Load.Tests.Profiles;

public sealed class HttpProfileTests
{
    [Fact]
    public void Without_a_rate_it_is_a_closed_model_with_the_given_connections()
    {
        using var handler = RunCommand.CreateHandler(8);
        var scenario = Assert.Single(new HttpProfile().Build(Settings(handler, rate: 0, connections: 8)));

        var simulation = Assert.IsType<KeepConstantSimulation>(Assert.Single(scenario.LoadSimulations));
        Assert.Equal(8, simulation.Copies);
        Assert.Equal(TimeSpan.FromSeconds(30), simulation.During);
        Assert.Equal(TimeSpan.Zero, scenario.WarmUpDuration);
    }

    [Fact]
    public void Without_connections_the_closed_model_uses_64_copies()
    {
        using var handler = RunCommand.CreateHandler(null);
        var scenario = Assert.Single(new HttpProfile().Build(Settings(handler, rate: 0, connections: null)));
        Assert.Equal(HttpProfile.DefaultConnections, Assert.IsType<KeepConstantSimulation>(scenario.LoadSimulations[0]).Copies);
    }

    [Fact]
    public void With_a_rate_it_is_an_open_model_at_that_rate()
    {
        using var handler = RunCommand.CreateHandler(null);
        var scenario = Assert.Single(new HttpProfile().Build(Settings(handler, rate: 2.5, connections: null,
            options: new Dictionary<string, string> { ["warmup"] = "5s", ["max-iterations"] = "1000" })));

        var simulation = Assert.IsType<InjectSimulation>(Assert.Single(scenario.LoadSimulations));
        Assert.Equal(2.5, simulation.Rate / simulation.Interval.TotalSeconds, 9);
        Assert.Equal(TimeSpan.FromSeconds(5), scenario.WarmUpDuration);
        Assert.Equal(1000, scenario.MaxIterations);
    }

    [Fact]
    public void A_bad_option_value_is_a_profile_settings_error_naming_the_option()
    {
        using var handler = RunCommand.CreateHandler(null);
        var ex = Assert.Throws<ProfileSettingsException>(() => new HttpProfile().Build(Settings(handler, 0, null,
            new Dictionary<string, string> { ["max-iterations"] = "-3" })));
        Assert.Equal("--option max-iterations=-3: expected a whole number > 0", ex.Message);
    }

    [Fact]
    public void An_unknown_client_is_a_profile_settings_error()
    {
        using var handler = RunCommand.CreateHandler(null);
        var ex = Assert.Throws<ProfileSettingsException>(() => new HttpProfile().Build(Settings(handler, 0, null,
            new Dictionary<string, string> { ["client"] = "curl" })));
        Assert.Equal("--option client=curl: expected raw or httpclient", ex.Message);
    }

    private static ProfileSettings Settings(HttpMessageHandler handler, double rate, int? connections, Dictionary<string, string>? options = null) =>
        new(new Uri("http://127.0.0.1:5000"), rate, TimeSpan.FromSeconds(30), connections, "/health/live", 1, null,
            options ?? new Dictionary<string, string>(), handler);
}
