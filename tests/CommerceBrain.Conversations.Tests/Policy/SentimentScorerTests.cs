using CommerceBrain.Conversations.Policy;

namespace CommerceBrain.Conversations.Tests.Policy;

public class SentimentScorerTests
{
    [Theory]
    [InlineData("thank you, that was really helpful")]
    [InlineData("great service, very happy")]
    [InlineData("非常满意，谢谢")]
    [InlineData("质量不错")]
    public void Happy_messages_score_positive(string text) => Assert.True(SentimentScorer.Score(text) > 0.3f, text);

    [Theory]
    [InlineData("this is terrible, worst service ever")]
    [InlineData("your bot is useless")]
    [InlineData("太差了，气死我了")]
    [InlineData("垃圾客服，非常失望")]
    public void Unhappy_messages_score_negative(string text) => Assert.True(SentimentScorer.Score(text) < -0.3f, text);

    [Theory]
    [InlineData("where is my order 2026111100001")]
    [InlineData("我的订单到哪了")]
    [InlineData("")]
    public void Neutral_messages_score_near_zero(string text) => Assert.InRange(SentimentScorer.Score(text), -0.2f, 0.2f);

    [Fact]
    public void Negation_flips_and_intensifiers_strengthen()
    {
        Assert.True(SentimentScorer.Score("not good") < 0);
        Assert.True(SentimentScorer.Score("not bad") > 0);
        Assert.True(SentimentScorer.Score("very bad") < SentimentScorer.Score("bad"));
        Assert.True(SentimentScorer.Score("不好") < 0);
        Assert.True(SentimentScorer.Score("非常差") < SentimentScorer.Score("差"));
    }

    [Fact]
    public void Scores_stay_within_minus_one_and_one()
    {
        var furious = string.Join(' ', Enumerable.Repeat("TERRIBLE awful worst useless!!!", 20));
        Assert.InRange(SentimentScorer.Score(furious), -1f, -0.9f);
    }

    [Fact]
    public void The_trend_is_negative_when_recent_turns_are_worse_than_earlier_ones()
    {
        Assert.True(SentimentScorer.Trend([0.5f, 0.2f, -0.4f, -0.7f]) < -0.5f);
        Assert.True(SentimentScorer.Trend([-0.6f, -0.5f, 0.3f, 0.5f]) > 0.5f);
        Assert.Equal(0, SentimentScorer.Trend([0.4f]));
    }
}
