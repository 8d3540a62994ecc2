using CommerceBrain.Diagnostics.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceBrain.Diagnostics;

/// <summary>The diagnostics module: durable counters used as a deployment smoke test and by the crash tests.</summary>
public static class DiagnosticsModule
{
    /// <summary>Registers the module's JSON contracts; Orleans finds the counter grain by itself.</summary>
    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DiagnosticsJsonContext.Default));
        return services;
    }
}
