using System.Net;
using System.Net.Http.Json;
using CommerceBrain.Diagnostics.Api;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// Counter calls that wait out <c>503 Service Unavailable</c> (what a silo answers while a dead peer's grains move),
/// honouring <c>Retry-After</c> up to a second, for a bounded time. Any other failure fails the test at once.
/// </summary>
public static class RetryingCounterClient
{
    /// <summary>The stored value of a counter once the silo can reach its grain, and how many requests that took.</summary>
    public static Task<(long Value, int Attempts)> GetCounterRetryingAsync(this HttpClient client, string name, TimeSpan? timeout = null) =>
        SendAsync(client, () => new HttpRequestMessage(HttpMethod.Get, $"/api/diagnostics/counters/{name}"), $"GET counter '{name}'", timeout);

    /// <summary>
    /// Increments a counter once the silo can reach its grain. <c>Attempts</c> counts the requests sent: a 503 may
    /// still have been stored (e.g. a timeout after the write), so the value may exceed the previous one by up to that.
    /// </summary>
    public static Task<(long Value, int Attempts)> IncrementRetryingAsync(this HttpClient client, string name, TimeSpan? timeout = null) =>
        SendAsync(client, () => new HttpRequestMessage(HttpMethod.Post, $"/api/diagnostics/counters/{name}"), $"POST counter '{name}'", timeout);

    private static async Task<(long Value, int Attempts)> SendAsync(HttpClient client, Func<HttpRequestMessage> create, string what, TimeSpan? timeout)
    {
        var limit = timeout ?? Eventually.DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        var attempts = 0;
        while (true)
        {
            attempts++;
            using var request = create();
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                if (!response.IsSuccessStatusCode)
                {
                    Assert.Fail($"{what}: expected 200, or 503 while the cluster recovers; got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                var value = await response.Content.ReadFromJsonAsync<CounterValue>();
                return (value!.Value, attempts);
            }

            var body = await response.Content.ReadAsStringAsync();
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter is not null, $"{what}: 503 without a Retry-After delay: {body}");
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} still answered 503 after {attempts} attempts in {limit.TotalSeconds:0} s; last answer: {body}");
            }

            try
            {
                await Task.Delay(retryAfter.Value < TimeSpan.FromSeconds(1) ? retryAfter.Value : TimeSpan.FromSeconds(1), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                // One last attempt happens on the next iteration.
            }
        }
    }
}
