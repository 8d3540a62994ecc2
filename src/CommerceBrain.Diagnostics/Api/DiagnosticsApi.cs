using CommerceBrain.Diagnostics.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommerceBrain.Diagnostics.Api;

/// <summary>
/// <c>/api/diagnostics</c>: durable counters for deployment smoke tests and crash tests. An increment answers only
/// after the new value is stored.
/// </summary>
public static class DiagnosticsApi
{
    /// <summary>Maps the diagnostics endpoints.</summary>
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/diagnostics").WithTags("Diagnostics");
        api.MapPost("/counters/{name}", Increment)
            .WithName("IncrementCounter")
            .WithSummary("Adds to a durable counter (by 1, or by the body's 'by') and returns the stored value.");
        api.MapPut("/counters/{name}", Increment)
            .WithSummary("Same as POST: adds to a durable counter and returns the stored value.");
        api.MapGet("/counters/{name}", Get)
            .WithName("GetCounter")
            .WithSummary("Returns a counter's value; 0 if it was never incremented.");
        return app;
    }

    private static async Task<Results<Ok<CounterValue>, ValidationProblem>> Increment(
        string name, [FromBody] CounterIncrement? increment, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (CounterName.Validate(name) is { } nameError)
        {
            errors["name"] = [nameError];
        }

        var by = increment?.By ?? 1;
        if (by is < 1 or > CounterIncrement.MaxStep)
        {
            errors["by"] = [$"'by' must be between 1 and {CounterIncrement.MaxStep}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var value = await grains.GetGrain<ICounterGrain>(name).Increment(by);
        return TypedResults.Ok(new CounterValue(name, value));
    }

    private static async Task<Results<Ok<CounterValue>, ValidationProblem>> Get(string name, IGrainFactory grains)
    {
        if (CounterName.Validate(name) is { } nameError)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [nameError] });
        }

        return TypedResults.Ok(new CounterValue(name, await grains.GetGrain<ICounterGrain>(name).Get()));
    }
}
