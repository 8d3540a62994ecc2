using CommerceBrain.Identity.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Identity.Tests;

public sealed class IdentityOptionsTests
{
    [Fact]
    public void Defaults_limit_each_client_to_20_a_second_with_bursts_of_40()
    {
        var limits = Options(new Dictionary<string, string?>()).GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.True(limits.Enabled);
        Assert.Equal(20, limits.PermitsPerSecond);
        Assert.Equal(40, limits.Burst);
    }

    [Theory]
    [InlineData("CommerceBrain:RateLimits:PermitsPerSecond", "0", "CommerceBrain:RateLimits:PermitsPerSecond must be at least 1.")]
    [InlineData("CommerceBrain:RateLimits:Burst", "-1", "CommerceBrain:RateLimits:Burst must be at least 1.")]
    public void A_rate_limit_below_one_is_refused_naming_the_setting(string key, string value, string message)
    {
        var services = Options(new Dictionary<string, string?> { [key] = value });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RateLimitOptions>>().Value);

        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void A_negative_clock_skew_is_refused_naming_the_setting()
    {
        var services = Options(new Dictionary<string, string?> { ["CommerceBrain:Identity:ClockSkew"] = "-00:00:01" });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IdentityOptions>>().Value);

        Assert.StartsWith("CommerceBrain:Identity:ClockSkew", refusal.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Options(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentity(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new ProductionEnvironment());
        return services.BuildServiceProvider();
    }
}
