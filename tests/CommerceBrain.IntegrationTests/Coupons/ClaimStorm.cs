using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests.Coupons;

/// <summary>
/// Claim workers over HTTP against the silos of one cluster. Most claims come from new customers (some claim a second
/// coupon, some repeat their key); every third one comes from one of a few hot customers whom workers on every silo
/// claim for at the same time, with a shared key and with keys of their own. Every answer is kept.
/// </summary>
public sealed class ClaimStorm(string campaignId)
{
    public const int HotCustomers = 8;

    private readonly ConcurrentDictionary<string, string> tokens = new();
    private readonly List<Task> workers = [];
    private volatile bool stopped;

    public ConcurrentQueue<ClaimAnswer> Answers { get; } = new();

    public int AcknowledgedThrough(string silo) => Answers.Count(a => a.Silo == silo && a.Acknowledged);

    public int Acknowledged => Answers.Count(a => a.Acknowledged);

    /// <summary>Whether a new customer was turned away because the budget is spent.</summary>
    public bool BudgetExhausted => Answers.Any(a => a.Reason == "budget_exhausted");

    /// <summary>Starts <paramref name="count"/> workers claiming through <paramref name="client"/>, labelled <paramref name="silo"/>.</summary>
    public void Start(HttpClient client, string silo, int count)
    {
        for (var w = 0; w < count; w++)
        {
            var worker = w;
            workers.Add(Task.Run(() => RunAsync(client, silo, worker)));
        }
    }

    /// <summary>Stops every worker after its current claim and waits for them; <see cref="Start"/> may start new ones.</summary>
    public async Task StopAsync()
    {
        stopped = true;
        await Task.WhenAll(workers).WaitAsync(Eventually.DefaultTimeout);
        workers.Clear();
        stopped = false;
    }

    /// <summary>Sends one claim and records its answer.</summary>
    public async Task<ClaimAnswer> ClaimAsync(HttpClient client, string silo, string customer, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/claims");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetOrAdd(customer, c => TestTokens.For(c, "customer")));
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        string? couponId = null, reason = null;
        long? value = null;
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            var grant = JsonDocument.Parse(body).RootElement;
            couponId = grant.GetProperty("couponId").GetString();
            value = grant.GetProperty("value").GetInt64();
        }
        else if (response.StatusCode == HttpStatusCode.Conflict)
        {
            reason = JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString();
        }
        else
        {
            reason = body;
        }

        var answer = new ClaimAnswer(silo, customer, key, (int)response.StatusCode, couponId, value, reason);
        Answers.Enqueue(answer);
        return answer;
    }

    private async Task RunAsync(HttpClient client, string silo, int worker)
    {
        for (var i = 0; !stopped; i++)
        {
            var (customer, key) = Pick(silo, worker, i);
            try
            {
                var answer = await ClaimAsync(client, silo, customer, key);
                if (answer.Status is 503 or 429)
                {
                    // Grains of a dead silo are moving, or the shards are full: back off a little, as a client would.
                    await Task.Delay(TimeSpan.FromMilliseconds(100));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // No answer: the claim may or may not have been granted, and nobody was told so.
                Answers.Enqueue(new ClaimAnswer(silo, customer, key, null, null, null, e.GetType().Name));
                if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
                {
                    return;   // this silo is gone
                }
            }
        }
    }

    private static (string Customer, string Key) Pick(string silo, int worker, int i)
    {
        var round = i / 3;
        return (i % 3) switch
        {
            // Hot customers, claimed for from every silo at once: half the time under the one shared key.
            0 => ($"hot-{round % HotCustomers}", round % 2 == 0 ? "same" : $"{silo}-{worker}-{i}"),
            1 => ($"u-{silo}-{worker}-{round}", "k"),
            // The same customer again: its key repeated, or a second key (the limit is two).
            _ => ($"u-{silo}-{worker}-{round}", round % 2 == 0 ? "k" : "k2"),
        };
    }
}
