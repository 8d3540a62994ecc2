using System.Net.Http.Json;
using CommerceBrain.Diagnostics.Api;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>Calls the diagnostics counter endpoints.</summary>
public static class CounterClient
{
    public static async Task<long> IncrementAsync(this HttpClient client, string name, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsync($"/api/diagnostics/counters/{name}", content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var value = await response.Content.ReadFromJsonAsync<CounterValue>(cancellationToken);
        return value!.Value;
    }

    public static async Task<long> GetCounterAsync(this HttpClient client, string name)
    {
        var value = await client.GetFromJsonAsync<CounterValue>($"/api/diagnostics/counters/{name}");
        return value!.Value;
    }
}
