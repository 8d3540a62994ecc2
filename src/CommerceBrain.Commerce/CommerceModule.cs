using CommerceBrain.Commerce.Api;
using CommerceBrain.Commerce.Refunds;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Identity;
using CommerceBrain.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Commerce;

/// <summary>
/// The commerce module in the silo: its tables (migrations of module "commerce"), the store the grains use, the demo-data
/// seeder (a hosted service that runs after the silo started) with its "commerce" readiness check, the refund outbox's
/// sweeper (a hosted service, likewise), and the API's JSON.
/// Call after the Orleans silo is added (<c>UseOrleans</c>) so the seeder's hosted service starts after it.
/// </summary>
public static class CommerceModule
{
    /// <summary>The module's migration module name.</summary>
    public const string MigrationModule = "commerce";

    /// <summary>The tag of health checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the module; a second call is ignored. Needs <c>AddStorage</c> (the silo adds it).</summary>
    public static IServiceCollection AddCommerce(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(CommerceStore)))
        {
            return services;
        }

        services.AddOptions<CommerceOptions>().Bind(configuration.GetSection(CommerceOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorageMigrations(MigrationModule, typeof(CommerceModule).Assembly);
        services.AddSingleton(sp => new CommerceStore(sp.GetRequiredService<StorageDatabase>()));
        services.TryAddSingleton<IMerchantFaqPublisher, GrainMerchantFaqPublisher>();
        services.AddSingleton<CommerceSeedStatus>();
        services.AddSingleton(sp => new DemoDataSeeder(
            sp.GetRequiredService<CommerceStore>(),
            sp.GetRequiredService<IMerchantFaqPublisher>(),
            sp.GetRequiredService<IOptions<CommerceOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DemoDataSeeder>>(),
            sp.GetRequiredService<CommerceSeedStatus>()));
        services.AddHostedService<DemoDataSeedService>();
        services.AddSingleton<RefundDeliverySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RefundDeliverySweeper>());
        services.AddHealthChecks().AddCheck<CommerceHealthCheck>("commerce", tags: [ReadyTag]);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, CommerceJsonContext.Default));

        // RequireAuthorization needs the authorization services; the identity module defines the real policies. The two
        // this module names get a definition matching Policies' documentation only where no one defined them.
        services.AddAuthorization();
        services.PostConfigure<AuthorizationOptions>(options =>
        {
            if (options.GetPolicy(Policies.Customer) is null)
            {
                options.AddPolicy(Policies.Customer, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasRole(Roles.Customer)));
            }

            if (options.GetPolicy(Policies.Operator) is null)
            {
                options.AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser()
                    .RequireAssertion(c => c.User.HasRole(Roles.Admin) || c.User.HasRole(Roles.Agent)));
            }
        });
        return services;
    }
}
