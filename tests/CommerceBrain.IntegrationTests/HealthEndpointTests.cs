using System.Net;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommerceBrain.IntegrationTests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_answers_200_while_the_process_serves_http()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_answers_200_once_storage_is_reachable_and_migrated()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("storage").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("silo").GetString());
    }

    [Fact]
    public async Task Ready_answers_503_problem_once_the_orleans_silo_is_stopping()
    {
        await using var silo = await TestSilo.StartAsync();
        var orleans = silo.App.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "SiloHostedService");

        await orleans.StopAsync(CancellationToken.None);
        using var ready = await silo.Client.GetAsync("/health/ready");

        var problem = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", problem.GetProperty("checks").GetProperty("silo").GetString());
        Assert.Equal("Healthy", problem.GetProperty("checks").GetProperty("storage").GetString());
    }

    [Fact]
    public async Task Ready_answers_503_problem_when_storage_is_not_migrated_while_live_stays_200()
    {
        await using var silo = await TestSilo.StartAsync();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(silo.DataDirectory, "commercebrain.db")}"))
        {
            // Someone restored an old backup: the schema version table no longer lists the applied migrations.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM schema_migrations";
            await command.ExecuteNonQueryAsync();
        }

        using var ready = await silo.Client.GetAsync("/health/ready");
        using var live = await silo.Client.GetAsync("/health/live");

        var problem = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", problem.GetProperty("checks").GetProperty("storage").GetString());
        Assert.Contains("not migrated", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_503_problem_when_the_postgresql_database_goes_away()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        await using (database)
        {
            await using var silo = await TestSilo.StartAsync(new() { StorageProvider = "PostgreSql", ConnectionString = database.ConnectionString });
            using (var before = await silo.Client.GetAsync("/health/ready"))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            }

            await database.DropAsync();

            using var ready = await silo.Client.GetAsync("/health/ready");
            var problem = await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("not reachable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Password", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
