using CommerceBrain.Coupons.Grains;

namespace CommerceBrain.Coupons.Tests.Grains;

public sealed class IssuanceWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_ceiling_refuses_within_a_second_and_admits_again_in_the_next()
    {
        var window = new IssuanceWindow(ceilingPerSecond: 2);
        window.Count(Start);
        window.Count(Start.AddMilliseconds(10));

        Assert.False(window.HasRoom(Start.AddMilliseconds(500)));
        Assert.True(window.HasRoom(Start.AddSeconds(1)));
    }

    [Fact]
    public void The_rate_is_the_mean_over_the_last_whole_seconds()
    {
        var window = new IssuanceWindow(null);
        for (var s = 0; s < IssuanceWindow.Seconds; s++)
        {
            for (var i = 0; i < 10; i++)
            {
                window.Count(Start.AddSeconds(s));
            }
        }

        Assert.Equal(10, window.RatePerSecond(Start.AddSeconds(IssuanceWindow.Seconds)));
        Assert.Equal(0, window.RatePerSecond(Start.AddSeconds(IssuanceWindow.Seconds * 3)));
    }
}
