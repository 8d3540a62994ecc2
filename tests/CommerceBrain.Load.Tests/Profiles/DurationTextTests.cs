namespace CommerceBrain.Load.Tests.Profiles;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("500ms", 0.5)]
    [InlineData("1.5m", 90)]
    [InlineData("00:01:30", 90)]
    [InlineData("45", 45)]
    [InlineData(" 5S ", 5)]
    public void Durations_are_read_the_way_people_type_them(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("10x")]
    [InlineData("ms")]
    [InlineData("1e300h")]
    [InlineData(null)]
    public void Anything_else_is_not_a_duration(string? text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(90, "1m30s")]
    [InlineData(7200, "2h")]
    [InlineData(0.25, "250ms")]
    [InlineData(5, "5s")]
    public void Durations_are_formatted_short(double seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));
    }
}
