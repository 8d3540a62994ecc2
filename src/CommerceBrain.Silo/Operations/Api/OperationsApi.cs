using System.Globalization;
using CommerceBrain.Identity;
using CommerceBrain.Silo.ChatPage;
using CommerceBrain.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommerceBrain.Silo.Operations.Api;

/// <summary>
/// The operations page: <c>GET /operations</c> (the HTML shell, anonymous like the agent pages: it signs in itself) and
/// <c>GET /api/operations/metrics</c> (admin), the cluster's series read from <see cref="IOperationsMetricsGrain"/>.
/// </summary>
public static class OperationsApi
{
    /// <summary>The page's address.</summary>
    public const string PagePath = "/operations";

    /// <summary>Maps the page and the data endpoint.</summary>
    public static WebApplication MapOperationsApi(this WebApplication app, bool dashboardEnabled)
    {
        ArgumentNullException.ThrowIfNull(app);
        var provider = app.Environment.WebRootFileProvider;
        app.MapGet(PagePath, (HttpContext http) => AgentPageEndpoints.Serve(http, provider, "operations/index.html"))
            .ExcludeFromDescription()
            .AllowAnonymous();
        app.MapGet("/api/operations/metrics", (string? since, IGrainFactory grains, TimeProvider time) =>
                Metrics(since, grains, time, dashboardEnabled))
            .WithTags("Operations")
            .RequireAuthorization(Policies.Admin)
            .WithName("GetOperationsMetrics")
            .WithSummary("The cluster's per-second series for the operations page (the last 15 minutes at most, from 'since', Unix seconds).")
            .Produces<OperationsMetricsResponse>()
            .ProducesValidationProblem();
        return app;
    }

    internal static async Task<Results<Ok<OperationsMetricsResponse>, ValidationProblem>> Metrics(
        string? since, IGrainFactory grains, TimeProvider time, bool dashboardEnabled)
    {
        // The current second is still being measured: the series end at the last finished one.
        var to = time.GetUtcNow().ToUnixTimeSeconds() - 1;
        var oldest = to - OperationsOptions.RetentionSeconds + 1;
        var from = oldest;
        if (since is not null)
        {
            if (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from < oldest || from > to + 1)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["since"] = [$"since must be a Unix time in seconds from {oldest.ToString(CultureInfo.InvariantCulture)} (15 minutes ago) to {(to + 1).ToString(CultureInfo.InvariantCulture)} (now)."],
                });
            }
        }

        var snapshot = await grains.GetGrain<IOperationsMetricsGrain>(IOperationsMetricsGrain.ClusterKey)
            .Read(from - OperationsSeriesBuilder.SlowWindowSeconds);
        to = Math.Max(from - 1, OperationsSeriesBuilder.CompleteThrough(snapshot.Silos, to));
        var (seconds, series, totals) = OperationsSeriesBuilder.Build(snapshot, from, to);
        var links = new OperationsLinks(dashboardEnabled ? DashboardSettings.Path : null, "/metrics");
        return TypedResults.Ok(new OperationsMetricsResponse(from, to, links, seconds, series, totals, snapshot.Silos));
    }
}
