using CommerceBrain.Coupons.Grains;

namespace CommerceBrain.Coupons.Tests.Grains;

public sealed class ShardBudgetTests
{
    [Fact]
    public void Reserving_spends_from_the_lease_and_numbers_grants_in_order()
    {
        var budget = new ShardBudget(leased: 300, spent: 0, lastSeq: 0);

        Assert.True(budget.TryReserve(100, out var first));
        Assert.True(budget.TryReserve(100, out var second));

        Assert.Equal((1, 2), (first, second));
        Assert.Equal(100, budget.Available);
    }

    [Fact]
    public void A_grant_larger_than_what_is_left_is_not_reserved()
    {
        var budget = new ShardBudget(leased: 150, spent: 100, lastSeq: 1);

        Assert.False(budget.TryReserve(100, out _));
        Assert.Equal(50, budget.Available);
        Assert.Equal(1, budget.LastSeq);
    }

    [Fact]
    public void Spent_never_exceeds_leased_whatever_the_sequence_of_reserves_and_refills()
    {
        var random = new Random(11);
        var budget = new ShardBudget(0, 0, 0);
        long leased = 0;
        for (var i = 0; i < 2_000; i++)
        {
            if (random.Next(4) == 0)
            {
                leased += random.Next(0, 300);
                budget.LeasedTotal(leased);
            }
            else
            {
                budget.TryReserve(random.Next(1, 120), out _);
            }

            Assert.InRange(budget.Spent, 0, budget.Leased);
        }
    }

    [Fact]
    public void A_rebuilt_shard_continues_after_the_ledgers_last_sequence_number()
    {
        var budget = new ShardBudget(leased: 1_000, spent: 400, lastSeq: 4);

        Assert.True(budget.TryReserve(100, out var seq));
        Assert.Equal(5, seq);
        Assert.Equal(500, budget.Available);
    }

    [Fact]
    public void A_refill_answer_never_lowers_the_lease()
    {
        var budget = new ShardBudget(leased: 500, spent: 0, lastSeq: 0);

        budget.LeasedTotal(300);

        Assert.Equal(500, budget.Leased);
    }

    [Fact]
    public void A_shard_refills_when_less_than_a_quarter_chunk_or_one_coupon_is_left()
    {
        Assert.True(new ShardBudget(1_000, 800, 0).ShouldRefill(chunk: 1_000, largestFaceValue: 100));
        Assert.False(new ShardBudget(1_000, 700, 0).ShouldRefill(chunk: 1_000, largestFaceValue: 100));
        Assert.True(new ShardBudget(1_000, 950, 0).ShouldRefill(chunk: 100, largestFaceValue: 100));
    }

    [Theory]
    [InlineData(1_000_000, 8, 8, 100, 15_625)]
    [InlineData(1_000, 8, 8, 100, 100)]
    [InlineData(10, 1, 8, 500, 500)]
    public void A_chunk_is_a_share_of_the_budget_and_at_least_one_coupon(long budget, int shards, int chunks, long face, long expected) =>
        Assert.Equal(expected, ShardBudget.Chunk(budget, shards, chunks, face));
}
