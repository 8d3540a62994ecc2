using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Coupons.Api;
using CommerceBrain.Coupons.Refunds;
using CommerceBrain.Coupons.Storage;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Serving;
using CommerceBrain.Coupons.Tiers;
using CommerceBrain.Inference;
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

    /// <summary>
    /// Registers the silo's conversion model for optimised campaigns (options from <c>CommerceBrain:Coupons:ConversionModel</c>):
    /// trained on first start in the background and saved under the data directory, loaded on later starts, served through
    /// the inference module. It does not gate readiness: lowest-tier campaigns work without it, and optimised ones answer
    /// 503 with <c>Retry-After</c> until it is loaded.
    /// </summary>
    public static IServiceCollection AddCouponsConversionModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConversionModelOptions>()
            .Bind(configuration.GetSection(ConversionModelOptions.Section))
            .Configure(o =>
            {
                var dataDirectory = configuration["CommerceBrain:DataDirectory"];
                o.DataDirectory = string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory;
            })
            .Validate(o => o.TrainingCustomers >= 100 && o.RetryAfterSeconds >= 1,
                $"{ConversionModelOptions.Section}: TrainingCustomers must be at least 100 and RetryAfterSeconds at least 1.");
        services.AddInference(configuration);
        services.AddSingleton<ConversionModelState>();
        services.AddSingleton<IConversionPredictor, LoadedConversionPredictor>();
        services.AddHostedService<ConversionModelLoader>();
        return services;
    }
}
