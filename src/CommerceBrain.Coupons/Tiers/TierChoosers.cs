using System.Collections.Concurrent;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Coupons.Tiers;

/// <summary>
/// Picks each campaign's <see cref="ITierChooser"/> and keeps its pacing state, per silo. A lowest-tier campaign uses the
/// registered <see cref="ITierChooser"/>; an optimised one gets its own <see cref="OnlineTierChooser"/> (its own
/// <see cref="PacingController"/>) over the registered <see cref="IConversionPredictor"/>.
/// </summary>
/// <remarks>
/// Pacing is in memory per silo: the spend it sees is what claims through this silo were granted since it started.
/// With several silos, or after a restart, λ reads the campaign as underspent and drifts low — more and larger coupons
/// early, so the budget may run out before the window ends. It is never exceeded: the shards' leases stay the authority.
/// </remarks>
public sealed class TierChoosers(IServiceProvider services, ITierChooser fallback, IOptions<CouponsOptions> options)
{
    private readonly ConcurrentDictionary<string, Optimised> optimised = new(StringComparer.Ordinal);

    /// <summary>Whether optimised campaigns can be served now: a conversion predictor is registered and, in the silo, loaded.</summary>
    public bool CanOptimise => Optimiser == OptimiserAvailability.Ready;

    /// <summary>
    /// Whether this silo can serve optimised campaigns: a predictor registered without a <see cref="ConversionModelState"/>
    /// (tests, hosts with their own model) is ready at once; the silo's own model is ready once loaded.
    /// </summary>
    public OptimiserAvailability Optimiser => services.GetService<ConversionModelState>() is { } model
        ? model.Status switch
        {
            ConversionModelStatus.Ready => OptimiserAvailability.Ready,
            ConversionModelStatus.Starting => OptimiserAvailability.Starting,
            _ => OptimiserAvailability.Absent,
        }
        : services.GetService<IConversionPredictor>() is not null ? OptimiserAvailability.Ready : OptimiserAvailability.Absent;

    /// <summary>How long a client should wait before asking again while the optimiser is not ready here.</summary>
    public TimeSpan OptimiserRetryAfter =>
        TimeSpan.FromSeconds(services.GetService<IOptions<ConversionModelOptions>>()?.Value.RetryAfterSeconds ?? 5);

    /// <summary>The chooser for <paramref name="terms"/>.</summary>
    /// <exception cref="InvalidOperationException">An optimised campaign, but no <see cref="IConversionPredictor"/> is registered.</exception>
    public ITierChooser For(CampaignTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Spec.Allocation == TierAllocation.Optimised ? Get(terms.CampaignId).Chooser : fallback;
    }

    /// <summary>Where <paramref name="terms"/>'s budget stands at <paramref name="now"/>, as this silo knows it.</summary>
    public PacingState Pacing(CampaignTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var spent = optimised.TryGetValue(terms.CampaignId, out var state) ? Interlocked.Read(ref state.Spent) : 0;
        return new PacingState(terms.Spec.Budget, spent, terms.Spec.StartsAt, terms.Spec.EndsAt, now);
    }

    /// <summary>Counts a new grant of <paramref name="value"/> towards the campaign's pacing.</summary>
    public void Granted(CampaignTerms terms, long value)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Spec.Allocation == TierAllocation.Optimised)
        {
            Interlocked.Add(ref Get(terms.CampaignId).Spent, value);
        }
    }

    private Optimised Get(string campaignId) => optimised.GetOrAdd(campaignId, _ =>
    {
        var predictor = services.GetService<IConversionPredictor>()
            ?? throw new InvalidOperationException("Optimised allocation needs an IConversionPredictor registered.");
        return new Optimised(new OnlineTierChooser(predictor, new PacingController(options.Value.OptimiserInitialLambda)));
    });

    private sealed class Optimised(OnlineTierChooser chooser)
    {
        public long Spent;

        public OnlineTierChooser Chooser => chooser;
    }
}
