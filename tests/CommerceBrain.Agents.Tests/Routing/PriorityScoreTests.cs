using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Tests.Routing;

public sealed class PriorityScoreTests
{
    private static readonly PriorityWeights Weights = new();

    private static double Score(double minutes = 0, string? segment = "regular", double sentiment = 0, long orderValue = 0, bool breached = false) =>
        PriorityScore.Compute(TimeSpan.FromMinutes(minutes), segment, sentiment, orderValue, breached, Weights);

    [Fact]
    public void A_longer_wait_ranks_higher_all_else_equal() => Assert.True(Score(minutes: 3) > Score(minutes: 1));

    [Fact]
    public void A_vip_customer_ranks_above_a_regular_one_who_came_at_the_same_time() =>
        Assert.Equal(Weights.Vip, Score(segment: "VIP") - Score(segment: "regular"), 3);

    [Fact]
    public void Negative_sentiment_raises_priority_and_positive_sentiment_does_not()
    {
        Assert.Equal(Weights.NegativeSentiment, Score(sentiment: -1), 3);
        Assert.Equal(Weights.NegativeSentiment / 2, Score(sentiment: -0.5), 3);
        Assert.Equal(0, Score(sentiment: 0.8));
    }

    [Fact]
    public void Order_value_adds_per_decade_so_a_huge_order_does_not_swamp_waiting()
    {
        // 10.00 (1,000 minor units) is one decade above 1.00; 1,000.00 three.
        Assert.Equal(Weights.PerOrderValueDecade, Score(orderValue: 1_000), 3);
        Assert.Equal(3 * Weights.PerOrderValueDecade, Score(orderValue: 100_000), 3);
        Assert.Equal(0, Score(orderValue: 50));
        Assert.True(Score(minutes: 10) > Score(orderValue: 1_000_000));
    }

    [Fact]
    public void Everyone_ages_so_a_regular_customer_eventually_overtakes_a_fresh_vip() =>
        Assert.True(Score(minutes: Weights.Vip + 1) > Score(segment: "vip"));

    [Fact]
    public void A_breached_session_goes_ahead_of_every_unbreached_one() =>
        Assert.True(Score(breached: true) > Score(minutes: 120, segment: "vip", sentiment: -1, orderValue: 100_000_000));

    [Fact]
    public void Negative_waits_from_clock_skew_count_as_zero() =>
        Assert.Equal(0, PriorityScore.Compute(TimeSpan.FromMinutes(-5), null, 0, 0, false, Weights));
}
