using CommerceBrain.Diagnostics;
using CommerceBrain.Diagnostics.Grains;

namespace CommerceBrain.Diagnostics.Tests;

public sealed class CounterRulesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("orders.smoke-1_A")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Names_of_ascii_letters_digits_dots_dashes_and_underscores_up_to_64_are_valid(string name) =>
        Assert.Null(CounterName.Validate(name));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("with space")]
    [InlineData("slash/inside")]
    [InlineData("été")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void Other_names_are_refused_with_a_reason(string? name) =>
        Assert.False(string.IsNullOrWhiteSpace(CounterName.Validate(name)));

    [Fact]
    public void A_counter_refuses_to_wrap_around()
    {
        var state = new CounterState { Value = long.MaxValue - 1 };

        Assert.Equal(long.MaxValue, state.Add(1));
        Assert.Throws<OverflowException>(() => state.Add(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_counter_only_grows(long amount)
    {
        var state = new CounterState { Value = 5 };

        Assert.Throws<ArgumentOutOfRangeException>(() => state.Add(amount));
        Assert.Equal(5, state.Value);
    }
}
