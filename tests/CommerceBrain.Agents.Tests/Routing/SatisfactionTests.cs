using CommerceBrain.Agents.Routing;

namespace CommerceBrain.Agents.Tests.Routing;

public sealed class SatisfactionTests
{
    [Theory]
    [InlineData("4", 4)]
    [InlineData("rating=5", 5)]
    [InlineData(" satisfaction: 1 ", 1)]
    public void A_rating_of_one_to_five_is_read(string note, int expected) => Assert.Equal(expected, Satisfaction.Parse(note));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-3")]
    [InlineData("resolved: refund issued")]
    [InlineData("great service")]
    public void Anything_else_is_no_rating(string? note) => Assert.Null(Satisfaction.Parse(note));
}
