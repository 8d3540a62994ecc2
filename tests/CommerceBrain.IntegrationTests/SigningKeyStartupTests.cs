using System.Net;
using CommerceBrain.Identity;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.CommandLine;
using CommerceBrain.Silo.Hosting;

namespace CommerceBrain.IntegrationTests;

public sealed class SigningKeyStartupTests
{
    [Fact]
    public async Task A_token_issued_before_a_restart_is_accepted_after_it()
    {
        using var data = TempDirectory.Create();
        string token;
        await using (var first = await TestSilo.StartAsync(new ServeSettings(DataDirectory: data.Path)))
        {
            token = first.TokenFor("c-1", Roles.Customer);
        }

        await using var second = await TestSilo.StartAsync(new ServeSettings(DataDirectory: data.Path));
        using var client = second.ClientWithToken(token);
        using var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(data.Path, "identity", "signing-key")));
    }

    [Fact]
    public async Task Silos_configured_with_one_key_accept_each_others_tokens()
    {
        var shared = new Dictionary<string, string?> { ["CommerceBrain:Identity:SigningKey"] = TestTokens.SigningKey };
        await using var silo = await TestSilo.StartAsync(configuration: shared);
        using var client = silo.ClientWithToken(TestTokens.For("agent-1", Roles.Agent));

        using var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(silo.DataDirectory, "identity", "signing-key")));
    }

    [Fact]
    public async Task A_configured_key_that_is_too_short_stops_start_up_with_one_line_naming_the_setting()
    {
        var fault = await Assert.ThrowsAsync<IdentityConfigurationException>(() => TestSilo.StartAsync(
            configuration: new Dictionary<string, string?> { ["CommerceBrain:Identity:SigningKey"] = "c2hvcnQ=" }, waitForNlu: false));

        var (line, exitCode, isConfiguration) = StartupFailure.Describe(fault);

        Assert.StartsWith("commercebrain: CommerceBrain:Identity:SigningKey must be a base64 key of at least 32 bytes", line, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.True(isConfiguration);
    }
}
