using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Diagnostics.Api;

namespace CommerceBrain.IntegrationTests;

public sealed class DiagnosticsCounterTests
{
    [Fact]
    public async Task An_increment_returns_the_stored_value_and_get_reads_it_back()
    {
        await using var silo = await TestSilo.StartAsync();

        var first = await silo.Client.IncrementAsync("orders.smoke-1");
        using var put = await silo.Client.PutAsJsonAsync("/api/diagnostics/counters/orders.smoke-1", new CounterIncrement(By: 5));
        var afterPut = await put.Content.ReadFromJsonAsync<CounterValue>();
        var read = await silo.Client.GetCounterAsync("orders.smoke-1");

        Assert.Equal(1, first);
        Assert.Equal(new CounterValue("orders.smoke-1", 6), afterPut);
        Assert.Equal(6, read);
    }

    [Fact]
    public async Task A_counter_never_incremented_reads_zero()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Equal(0, await silo.Client.GetCounterAsync("untouched"));
    }

    [Fact]
    public async Task Concurrent_increments_of_one_counter_are_each_counted_once()
    {
        await using var silo = await TestSilo.StartAsync();

        var values = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => silo.Client.IncrementAsync("hot")));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), values.Order());
        Assert.Equal(50, await silo.Client.GetCounterAsync("hot"));
    }

    [Fact]
    public async Task Increments_survive_a_restart_on_the_same_data_directory()
    {
        using var data = TempDirectory.Create();
        await using (var first = await TestSilo.StartAsync(new() { DataDirectory = data.Path }))
        {
            await first.Client.IncrementAsync("restart");
            await first.Client.IncrementAsync("restart");
        }

        await using var second = await TestSilo.StartAsync(new() { DataDirectory = data.Path });

        Assert.Equal(2, await second.Client.GetCounterAsync("restart"));
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi%3Bcolon")]
    [InlineData("%C3%A9t%C3%A9")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task An_invalid_counter_name_is_a_400_problem_naming_the_field(string encodedName)
    {
        await using var silo = await TestSilo.StartAsync();

        using var post = await silo.Client.PostAsync($"/api/diagnostics/counters/{encodedName}", content: null);
        using var get = await silo.Client.GetAsync($"/api/diagnostics/counters/{encodedName}");

        foreach (var response in new[] { post, get })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.GetRawText());
        }
    }

    [Fact]
    public async Task A_step_out_of_range_is_a_400_problem_and_changes_nothing()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.PostAsJsonAsync("/api/diagnostics/counters/steps", new CounterIncrement(By: 0));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("by", out _));
        Assert.Equal(0, await silo.Client.GetCounterAsync("steps"));
    }

    [Theory]
    [InlineData("{\"by\": 2,")]
    [InlineData("{\"by\": \"two\"}")]
    [InlineData("[1, 2]")]
    public async Task A_malformed_json_body_is_a_400_problem_and_changes_nothing(string json)
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.PostAsync("/api/diagnostics/counters/json",
            new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await silo.Client.GetCounterAsync("json"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.PostAsync("/api/diagnostics/counters/text", new StringContent("by=2", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Delete_on_a_counter_is_a_405_problem()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.DeleteAsync("/api/diagnostics/counters/x");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }
}
