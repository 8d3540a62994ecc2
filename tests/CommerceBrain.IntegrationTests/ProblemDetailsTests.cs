using System.Net;
using CommerceBrain.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommerceBrain.IntegrationTests;

public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.GetAsync("/no/such/thing");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("/no/such/thing", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        await using var silo = await TestSilo.StartAsync();

        using var response = await silo.Client.DeleteAsync("/openapi/v1.json");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_that_leaks_nothing()
    {
        await using var silo = await TestSilo.StartAsync(mapExtra: app =>
            app.MapGet("/test/throws", string () => throw new InvalidOperationException("secret internals at /srv/db")));

        using var response = await silo.Client.GetAsync("/test/throws");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/db", body, StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _), "A 500 carries a trace id to find the log entry.");
    }

    [Fact]
    public async Task A_timeout_inside_the_silo_is_a_503_problem()
    {
        await using var silo = await TestSilo.StartAsync(mapExtra: app =>
            app.MapGet("/test/times-out", string () => throw new TimeoutException("grain x/y timed out")));

        using var response = await silo.Client.GetAsync("/test/times-out");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task An_error_is_problem_json_even_when_the_client_accepts_only_text()
    {
        await using var silo = await TestSilo.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/missing");
        request.Headers.Accept.ParseAdd("text/plain");

        using var response = await silo.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_json_body_is_a_400_problem()
    {
        await using var silo = await TestSilo.StartAsync(mapExtra: app =>
            app.MapPost("/test/echo", (Probe probe) => Results.Ok(probe)));

        using var response = await silo.Client.PostAsync("/test/echo",
            new StringContent("{\"value\": 1,", System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public sealed record Probe(int Value);
}
