using CommerceBrain.Silo.ChatPage;
using CommerceBrain.Identity.OpenApi;
using CommerceBrain.Silo.Errors;
using CommerceBrain.Silo.Health;
using CommerceBrain.Silo.Telemetry;
using Microsoft.Extensions.Logging.Console;

namespace CommerceBrain.Silo.Hosting;

/// <summary>The cross-cutting parts every silo has: URLs, logging, telemetry, problem details, health and OpenAPI.</summary>
public static class CommerceBrainDefaults
{
    /// <summary>Adds the host's defaults; modules are added by the caller.</summary>
    public static WebApplicationBuilder AddCommerceBrainDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration;
        // ASPNETCORE_URLS, HTTP_PORTS and an explicit 'urls' setting (--urls lands there) all win over our default port.
        // A 'urls' value added after the builder was created is not seen by the web host on its own, hence UseUrls.
        var effectiveUrls = !string.IsNullOrWhiteSpace(configured["urls"])
            ? configured["urls"]
            : string.IsNullOrWhiteSpace(configured["http_ports"]) && string.IsNullOrWhiteSpace(configured["https_ports"])
                ? SiloDefaults.Urls
                : null;
        if (effectiveUrls is not null)
        {
            builder.WebHost.UseUrls(effectiveUrls);
        }

        builder.Services.Configure<HostOptions>(builder.Configuration.GetSection("CommerceBrain:Host"));
        // The shared timestamp format ends in a space that separates it from the level in text logs; JSON needs none.
        builder.Services.PostConfigure<JsonConsoleFormatterOptions>(json => json.TimestampFormat = json.TimestampFormat?.TrimEnd());

        builder.Services.AddCommerceBrainTelemetry(builder.Configuration);
        builder.Services.AddCommerceBrainProblemDetails();
        builder.Services.AddCommerceBrainHealthChecks();
        builder.Services.AddChatPage();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CommerceBrain";
            document.Info.Description = "Customer service for e-commerce at peak scale. Errors are application/problem+json.";
            return Task.CompletedTask;
        }).AddBearerSecurity());
        return builder;
    }

    /// <summary>
    /// Adds the error pipeline, the customer chat page at <c>/</c>, health endpoints and the OpenAPI document; call before
    /// mapping module APIs.
    /// </summary>
    public static WebApplication MapCommerceBrainDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCommerceBrainProblemDetails();
        app.MapChatPage();
        app.MapAgentPages();
        app.MapHealthEndpoints();
        app.MapCommerceBrainMetrics();
        app.MapOpenApi();
        return app;
    }
}
