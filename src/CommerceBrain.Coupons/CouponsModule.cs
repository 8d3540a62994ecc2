using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Coupons.Api;
using CommerceBrain.Coupons.Refunds;
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

    /// <summary>
    /// Registers options, the ledger, the order refund listener that gives coupons back, and the tier choosers: the default <see cref="ITierChooser"/> (the lowest tier unless
    /// another is registered first) and, for campaigns created with the optimiser, whatever
    /// <see cref="Allocation.IConversionPredictor"/> the host registers.
    /// </summary>
    public static IServiceCollection AddCoupons(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CouponsOptions>().Bind(configuration.GetSection(CouponsOptions.Section));
        services.AddStorageMigrations(MigrationModule, typeof(CouponsModule).Assembly);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CouponLedger>();
        services.AddSingleton<RedemptionStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOrderRefundListener, CouponRefundListener>());
        services.TryAddSingleton<ITierChooser, LowestTierChooser>();
        services.TryAddSingleton<TierChoosers>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, CouponsJsonContext.Default));
        return services;
    }
}
