using CommerceBrain.Identity.Api;
using CommerceBrain.Identity.Authentication;
using CommerceBrain.Identity.RateLimiting;
using CommerceBrain.Identity.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Identity;

/// <summary>
/// Authentication (signed JWT bearer tokens), authorization policies for every name in <see cref="Policies"/> and
/// per-client rate limits on <c>/api</c>. Endpoints without <c>RequireAuthorization</c> stay anonymous.
/// </summary>
public static class IdentityModule
{
    /// <summary>Registers options, the signing key, the token issuer, JWT bearer authentication, policies and the rate limiter.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<IdentityOptions>()
            .Bind(configuration.GetSection(IdentityOptions.Section))
            .Validate(o => o.ClockSkew >= TimeSpan.Zero && o.ClockSkew <= TimeSpan.FromMinutes(10), $"{IdentityOptions.Section}:ClockSkew must be between 00:00:00 and 00:10:00.")
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PermitsPerSecond >= 1, $"{RateLimitOptions.Section}:PermitsPerSecond must be at least 1.")
            .Validate(o => o.Burst >= 1, $"{RateLimitOptions.Section}:Burst must be at least 1.")
            .ValidateOnStart();
        services.TryAddTimeProvider();
        services.AddSingleton(sp =>
        {
            var dataDirectory = configuration["CommerceBrain:DataDirectory"];
            return SigningKeyStore.Resolve(sp.GetRequiredService<IOptions<IdentityOptions>>().Value.SigningKey,
                string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory);
        });
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<BearerProblemEvents>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenSigningKey, TimeProvider, IOptions<IdentityOptions>>((bearer, key, clock, identity) =>
            {
                // Keep "sub", "role" and "merchant_id" as they are in the token, not renamed to WS-* URIs.
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = TokenIssuer.ValidationParameters(key, clock, identity.Value.ClockSkew);
                bearer.EventsType = typeof(BearerProblemEvents);
                bearer.IncludeErrorDetails = false;
            });
        AddPolicies(services.AddAuthorizationBuilder());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((limiter, limits) => ClientRateLimiter.Configure(limiter, limits.Value));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, IdentityJsonContext.Default));
        return services;
    }

    /// <summary>
    /// Resolves the signing key (generating and storing it on first start) and logs where it came from. Call before the
    /// server accepts traffic, after the data directory is known to be writable.
    /// </summary>
    /// <exception cref="IdentityConfigurationException">The configured or stored key is unusable.</exception>
    public static void PrepareIdentity(this IServiceProvider services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(IdentityTelemetry.Name);
        var key = services.GetRequiredService<TokenSigningKey>();
        if (key.Origin == TokenSigningKey.ConfigurationOrigin)
        {
            IdentityLog.KeyConfigured(logger, key.KeyId);
        }
        else if (key.Generated)
        {
            IdentityLog.KeyGenerated(logger, key.KeyId, key.Origin);
        }
        else
        {
            IdentityLog.KeyLoaded(logger, key.KeyId, key.Origin);
        }

        var limits = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (limits.Enabled)
        {
            IdentityLog.RateLimitsOn(logger, limits.PermitsPerSecond, limits.Burst);
        }
        else
        {
            IdentityLog.RateLimitsOff(logger);
        }

        if (environment.IsDevelopment())
        {
            IdentityLog.DevTokensOn(logger);
        }
    }

    /// <summary>Adds authentication, authorization and the rate limiter, in that order; call after the exception handler.</summary>
    public static IApplicationBuilder UseCommerceBrainIdentity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so an authenticated caller is limited by subject rather than by address.
        app.UseRateLimiter();
        return app;
    }

    private static void AddPolicies(AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(Policies.Customer, p => p.RequireAuthenticatedUser().RequireClaim(CommerceBrainClaims.Role, Roles.Customer));
        authorization.AddPolicy(Policies.Agent, p => p.RequireAuthenticatedUser().RequireClaim(CommerceBrainClaims.Role, Roles.Agent, Roles.Admin));
        authorization.AddPolicy(Policies.Reviewer, p => p.RequireAuthenticatedUser().RequireClaim(CommerceBrainClaims.Role, Roles.Reviewer, Roles.Admin));
        authorization.AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(CommerceBrainClaims.Role, Roles.Admin));
        authorization.AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser().RequireClaim(CommerceBrainClaims.Role, Roles.Admin, Roles.Agent));
        // A merchant token without a shop scope could not be limited to one shop, so it is refused rather than trusted.
        authorization.AddPolicy(Policies.Merchant, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.HasRole(Roles.Admin)
            || (context.User.HasRole(Roles.Merchant) && !string.IsNullOrEmpty(context.User.MerchantId()))));
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
