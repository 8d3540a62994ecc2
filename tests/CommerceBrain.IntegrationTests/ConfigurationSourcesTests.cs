using System.Net;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

/// <summary>Settings reach the real executable through the documented environment variables, not only options.</summary>
public sealed class ConfigurationSourcesTests
{
    [Fact]
    public async Task ASPNETCORE_URLS_and_CommerceBrain_environment_variables_configure_serve_without_options()
    {
        using var data = TempDirectory.Create();
        await using var silo = SiloProcess.Start([], new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["CommerceBrain__DataDirectory"] = data.Path,
            ["CommerceBrain__Storage__Provider"] = "sqlite",
        });

        using var client = await silo.WaitUntilReadyAsync();
        using var response = await client.PostAsync("/api/diagnostics/counters/env", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", client.BaseAddress!.Host);
        Assert.True(File.Exists(Path.Combine(data.Path, "commercebrain.db")), "The SQLite file belongs in CommerceBrain__DataDirectory.");
    }

    [Fact]
    public async Task A_command_line_option_wins_over_the_environment()
    {
        using var fromEnvironment = TempDirectory.Create();
        using var fromOption = TempDirectory.Create();
        await using var silo = SiloProcess.Start(
            ["--urls", "http://127.0.0.1:0", "--data-dir", fromOption.Path],
            new Dictionary<string, string?> { ["CommerceBrain__DataDirectory"] = fromEnvironment.Path });

        using var client = await silo.WaitUntilReadyAsync();

        Assert.True(File.Exists(Path.Combine(fromOption.Path, "commercebrain.db")));
        Assert.False(File.Exists(Path.Combine(fromEnvironment.Path, "commercebrain.db")));
    }
}
