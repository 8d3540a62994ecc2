using CommerceBrain.Coupons.Serving;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Coupons.Contracts;
using CommerceBrain.Coupons.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Coupons.Tests.Tiers;

public sealed class TierChooserSeamTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CustomerFeatures Customer = new(CustomerSegment.Regular, 2, 4000, 10, 0.5);

    private static CampaignTerms Terms(TierAllocation allocation, string id = "c1", long[]? faceValues = null) =>
        new(id, Campaign.With(budget: 1_000_000, faceValues: faceValues ?? [1000, 500, 2000]) with { Allocation = allocation },
            CampaignStatus.Active);

    private static PacingState Pacing(CampaignTerms terms) => new(terms.Spec.Budget, 0, terms.Spec.StartsAt, terms.Spec.EndsAt, Now);

    [Fact]
    public async Task The_lowest_tier_chooser_picks_the_smallest_face_value_whatever_the_order_and_needs_no_customer()
    {
        var chooser = new LowestTierChooser();
        var terms = Terms(TierAllocation.Lowest);

        var decision = await chooser.ChooseAsync(new TierContext(terms, "c", null, Pacing(terms)));

        Assert.False(chooser.NeedsCustomer);
        Assert.Equal(1, decision.Tier);
    }

    [Fact]
    public async Task The_online_chooser_through_the_seam_decides_on_the_campaigns_tiers()
    {
        // Uplifts 0.10, 0.05, 0.12 for tiers 1000, 500, 2000 at λ = 5e-5: net 0.05, 0.025, 0.02 → the 1000 tier (index 0).
        ITierChooser chooser = new OnlineTierChooser(new FixedPredictor([0.10f, 0.20f, 0.15f, 0.22f]),
            new PacingController(5e-5, new PacingOptions { Proportional = 0, Integral = 0 }));
        var terms = Terms(TierAllocation.Optimised);

        var decision = await chooser.ChooseAsync(new TierContext(terms, "c", Customer, Pacing(terms)));

        Assert.True(chooser.NeedsCustomer);
        Assert.Equal(0, decision.Tier);
    }

    [Fact]
    public async Task The_online_chooser_says_none_when_no_coupon_is_worth_its_price()
    {
        ITierChooser chooser = new OnlineTierChooser(new FixedPredictor([0.30f, 0.29f, 0.30f, 0.305f]), new PacingController(1e-4));
        var terms = Terms(TierAllocation.Optimised);

        var decision = await chooser.ChooseAsync(new TierContext(terms, "c", Customer, Pacing(terms)));

        Assert.True(decision.IsNone);
    }

    [Fact]
    public async Task The_online_chooser_refuses_a_context_without_the_customer()
    {
        ITierChooser chooser = new OnlineTierChooser(new FixedPredictor([0.1f, 0.2f, 0.3f, 0.4f]), new PacingController(1e-4));
        var terms = Terms(TierAllocation.Optimised);

        await Assert.ThrowsAsync<ArgumentException>(() => chooser.ChooseAsync(new TierContext(terms, "c", null, Pacing(terms))).AsTask());
    }

    [Fact]
    public void A_lowest_campaign_gets_the_registered_default_and_an_optimised_one_its_own_online_chooser()
    {
        var choosers = Choosers(withPredictor: true);

        Assert.IsType<LowestTierChooser>(choosers.For(Terms(TierAllocation.Lowest)));
        var first = Assert.IsType<OnlineTierChooser>(choosers.For(Terms(TierAllocation.Optimised, "a")));
        Assert.Same(first, choosers.For(Terms(TierAllocation.Optimised, "a")));
        Assert.NotSame(first, choosers.For(Terms(TierAllocation.Optimised, "b")));
        Assert.True(choosers.CanOptimise);
    }

    [Fact]
    public void Pacing_counts_the_grants_of_each_optimised_campaign_separately()
    {
        var choosers = Choosers(withPredictor: true);
        var a = Terms(TierAllocation.Optimised, "a");
        var b = Terms(TierAllocation.Optimised, "b");

        choosers.Granted(a, 500);
        choosers.Granted(a, 2000);
        choosers.Granted(b, 1000);

        Assert.Equal(2500, choosers.Pacing(a, Now).Spent);
        Assert.Equal(1000, choosers.Pacing(b, Now).Spent);
        Assert.Equal(a.Spec.Budget, choosers.Pacing(a, Now).Budget);
        Assert.Equal(Now, choosers.Pacing(a, Now).Now);
    }

    [Fact]
    public void Without_a_conversion_predictor_optimised_campaigns_cannot_be_served()
    {
        var choosers = Choosers(withPredictor: false);

        Assert.False(choosers.CanOptimise);
        Assert.Throws<InvalidOperationException>(() => choosers.For(Terms(TierAllocation.Optimised)));
        Assert.IsType<LowestTierChooser>(choosers.For(Terms(TierAllocation.Lowest)));
    }

    [Fact]
    public void The_silos_own_model_makes_optimised_campaigns_wait_while_it_starts_and_serves_them_once_loaded()
    {
        var state = new ConversionModelState();
        var services = new ServiceCollection();
        services.AddSingleton(state);
        services.AddSingleton<IConversionPredictor>(new FixedPredictor([0.1f, 0.2f, 0.3f, 0.4f]));
        var choosers = new TierChoosers(services.BuildServiceProvider(), new LowestTierChooser(), Options.Create(new CouponsOptions()));

        var starting = choosers.Optimiser;
        state.Ready(new FixedPredictor([0.1f, 0.2f, 0.3f, 0.4f]), "v1");

        Assert.Equal(OptimiserAvailability.Starting, starting);
        Assert.Equal(OptimiserAvailability.Ready, choosers.Optimiser);
        Assert.True(choosers.CanOptimise);
    }

    [Fact]
    public void A_model_that_failed_to_load_leaves_the_optimiser_absent()
    {
        var state = new ConversionModelState();
        var services = new ServiceCollection();
        services.AddSingleton(state);
        var choosers = new TierChoosers(services.BuildServiceProvider(), new LowestTierChooser(), Options.Create(new CouponsOptions()));

        state.Unavailable("no model and TrainOnStart is off");

        Assert.Equal(OptimiserAvailability.Absent, choosers.Optimiser);
        Assert.False(choosers.CanOptimise);
    }

    private static TierChoosers Choosers(bool withPredictor)
    {
        var services = new ServiceCollection();
        if (withPredictor)
        {
            services.AddSingleton<IConversionPredictor>(new FixedPredictor([0.1f, 0.2f, 0.3f, 0.4f]));
        }

        return new TierChoosers(services.BuildServiceProvider(), new LowestTierChooser(), Options.Create(new CouponsOptions()));
    }

    private sealed class FixedPredictor(float[] probabilities) : IConversionPredictor
    {
        public ValueTask<float[]> PredictAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(probabilities);
    }
}
