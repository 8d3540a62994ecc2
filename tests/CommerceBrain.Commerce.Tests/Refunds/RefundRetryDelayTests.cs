namespace CommerceBrain.Commerce.Tests.Refunds;

/// <summary>The backoff between retries of a failed refund delivery.</summary>
public sealed class RefundRetryDelayTests
{
    [Fact]
    public void The_retry_delay_doubles_after_each_failure_up_to_the_maximum()
    {
        var options = new CommerceOptions { RefundRetryDelay = TimeSpan.FromSeconds(10), RefundMaxRetryDelay = TimeSpan.FromMinutes(1) };

        var delays = Enumerable.Range(1, 6).Select(n => options.RetryDelayAfter(n)).ToList();

        Assert.Equal([10, 20, 40, 60, 60, 60], delays.Select(d => (int)d.TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(1), options.RetryDelayAfter(long.MaxValue));
    }
}
