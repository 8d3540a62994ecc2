using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Tests.Allocation;

public sealed class OnlineTierChooserTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TierOption[] Tiers = [new(500), new(1000), new(2000)];
    private static readonly CustomerFeatures Customer = new(CustomerSegment.Regular, 2, 4000, 10, 0.5);

    [Fact]
    public async Task It_picks_the_tier_with_the_best_uplift_net_of_the_budget_price()
    {
        // Uplifts 0.05, 0.10, 0.12 at λ = 5e-5: net 0.025, 0.05, 0.02 → the 1000 tier.
        var chooser = new OnlineTierChooser(new FixedPredictor([0.10f, 0.15f, 0.20f, 0.22f]), new PacingController(5e-5, new PacingOptions { Proportional = 0, Integral = 0 }));

        var decision = await chooser.ChooseAsync(Customer, Tiers, State(spent: 0, hours: 1));

        Assert.Equal(1, decision.Tier);
        Assert.Equal(0.10, decision.PredictedUplift, 5);
    }

    [Fact]
    public async Task It_gives_nothing_when_no_coupon_lifts_conversion_enough()
    {
        var chooser = new OnlineTierChooser(new FixedPredictor([0.30f, 0.29f, 0.30f, 0.305f]), new PacingController(1e-4));

        var decision = await chooser.ChooseAsync(Customer, Tiers, State(spent: 0, hours: 1));

        Assert.True(decision.IsNone);
    }

    [Fact]
    public async Task It_never_picks_a_tier_costing_more_than_the_budget_left()
    {
        var chooser = new OnlineTierChooser(new FixedPredictor([0.1f, 0.2f, 0.4f, 0.9f]), new PacingController(1e-6));

        var decision = await chooser.ChooseAsync(Customer, Tiers, State(spent: 1_000_000 - 900, hours: 23));

        Assert.Equal(0, decision.Tier);
    }

    [Fact]
    public async Task Bad_tiers_or_features_are_rejected()
    {
        var chooser = new OnlineTierChooser(new FixedPredictor([0.1f, 0.2f]), new PacingController(1e-4));

        await Assert.ThrowsAsync<ArgumentException>(() => chooser.ChooseAsync(Customer, [], State(0, 1)).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => chooser.ChooseAsync(Customer, [new TierOption(-5)], State(0, 1)).AsTask());
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            chooser.ChooseAsync(Customer with { PriceSensitivity = 2 }, [new TierOption(500)], State(0, 1)).AsTask());
    }

    private static PacingState State(double spent, double hours) =>
        new(1_000_000, spent, Start, Start.AddDays(1), Start.AddHours(hours));

    private sealed class FixedPredictor(float[] probabilities) : IConversionPredictor
    {
        public ValueTask<float[]> PredictAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(probabilities);
    }
}
