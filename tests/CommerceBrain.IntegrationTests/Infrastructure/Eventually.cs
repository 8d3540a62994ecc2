namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>Awaits a condition by polling, with a generous timeout; no fixed sleeps.</summary>
public static class Eventually
{
    /// <summary>Generous default for a loaded 2-core machine that is building other projects at the same time.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0} s waiting for {what}.");
            }

            try
            {
                await Task.Delay(delay, cts.Token);
            }
            catch (OperationCanceledException)
            {
                // One last look at the condition happens on the next iteration.
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    /// <summary>Polls <paramref name="attempt"/> until it returns a value (not null) and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> attempt, string what, TimeSpan? timeout = null)
        where T : class
    {
        T? value = null;
        await UntilAsync(async () => (value = await attempt()) is not null, what, timeout);
        return value!;
    }
}
