using CommerceBrain.Coupons.Api;
using CommerceBrain.Coupons.Storage;
using CommerceBrain.Coupons.Tiers;
using CommerceBrain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommerceBrain.Coupons;

/// <summary>The coupons module: campaigns, budget shards and claimants as grains over the grant ledger, and <c>/api/campaigns</c>.</summary>
public static class CouponsModule
{
    /// <summary>The module's migration name (table <c>coupon_grants</c>).</summary>
    public const string MigrationModule = "coupons";

    /// <summary>Registers options, the ledger and the tier chooser (the lowest tier unless another is registered first).</summary>
    public static IServiceCollection AddCoupons(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CouponsOptions>().Bind(configuration.GetSection(CouponsOptions.Section));
        services.AddStorageMigrations(MigrationModule, typeof(CouponsModule).Assembly);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CouponLedger>();
        services.AddSingleton<RedemptionStore>();
        services.TryAddSingleton<ITierChooser, LowestTierChooser>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, CouponsJsonContext.Default));
        return services;
    }
}
