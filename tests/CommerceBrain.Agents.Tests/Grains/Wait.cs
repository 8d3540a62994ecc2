namespace CommerceBrain.Agents.Tests.Grains;

/// <summary>Awaits a condition by polling with a timeout; no fixed sleeps.</summary>
internal static class Wait
{
    public static async Task<T> For<T>(Func<Task<T>> read, Func<T, bool> done, string what, int timeoutSeconds = 30)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {timeoutSeconds} s waiting for {what}.");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
