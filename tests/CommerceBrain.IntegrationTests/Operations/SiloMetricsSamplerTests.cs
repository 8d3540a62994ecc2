using System.Diagnostics.Metrics;
using CommerceBrain.Silo.Operations;
using Microsoft.Extensions.Time.Testing;

namespace CommerceBrain.IntegrationTests.Operations;

/// <summary>The sampler's 1-s bucketing and its 15-minute ring, on meters of the test's own and a fake clock.</summary>
public sealed class SiloMetricsSamplerTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private readonly FakeTimeProvider clock = new(Start);
    private readonly Meter sessions = new($"test.sessions.{Guid.NewGuid():N}");
    private readonly Meter coupons = new($"test.coupons.{Guid.NewGuid():N}");
    private readonly Meter hosting = new($"test.hosting.{Guid.NewGuid():N}");
    private readonly Counter<long> opened;
    private readonly Counter<long> closed;
    private readonly Counter<long> denials;
    private readonly Histogram<double> requests;
    private readonly SiloMetricsSampler sampler;

    public SiloMetricsSamplerTests()
    {
        opened = sessions.CreateCounter<long>("commercebrain.sessions.opened");
        closed = sessions.CreateCounter<long>("commercebrain.sessions.closed");
        denials = coupons.CreateCounter<long>("commercebrain.coupons.denials");
        requests = hosting.CreateHistogram<double>("http.server.request.duration", "s");
        sampler = new SiloMetricsSampler(clock, new Dictionary<string, IReadOnlyDictionary<string, MeasuredKind>>
        {
            [sessions.Name] = new Dictionary<string, MeasuredKind>
            {
                ["commercebrain.sessions.opened"] = MeasuredKind.SessionsOpened,
                ["commercebrain.sessions.closed"] = MeasuredKind.SessionsClosed,
            },
            [coupons.Name] = new Dictionary<string, MeasuredKind> { ["commercebrain.coupons.denials"] = MeasuredKind.ClaimsDenied },
            [hosting.Name] = new Dictionary<string, MeasuredKind> { ["http.server.request.duration"] = MeasuredKind.HttpDuration },
        });
    }

    [Fact]
    public void Measurements_of_one_second_become_one_bucket_once_that_second_is_over()
    {
        opened.Add(3);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        opened.Add(2);

        Assert.Empty(sampler.SealedAfter(0));

        clock.Advance(TimeSpan.FromMilliseconds(400));
        var bucket = Assert.Single(sampler.SealedAfter(0));
        Assert.Equal(Start.ToUnixTimeSeconds(), bucket.Second);
        Assert.Equal(5, bucket.SessionsOpened);
    }

    [Fact]
    public void Each_second_gets_its_own_bucket_and_reads_after_a_second_skip_the_older_ones()
    {
        opened.Add(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        opened.Add(4);
        clock.Advance(TimeSpan.FromSeconds(2));
        opened.Add(7);
        clock.Advance(TimeSpan.FromSeconds(1));

        var all = sampler.SealedAfter(0);
        Assert.Equal([1, 4, 7], all.Select(b => b.SessionsOpened));
        Assert.Equal([0, 1, 3], all.Select(b => b.Second - Start.ToUnixTimeSeconds()));
        Assert.Equal([7], sampler.SealedAfter(Start.ToUnixTimeSeconds() + 1).Select(b => b.SessionsOpened));
    }

    [Fact]
    public void Closed_sessions_are_split_by_whether_a_person_took_part()
    {
        closed.Add(1, new KeyValuePair<string, object?>("handled_by", "bot"));
        closed.Add(1, new KeyValuePair<string, object?>("handled_by", "person"));
        closed.Add(1, new KeyValuePair<string, object?>("satisfaction", 5), new KeyValuePair<string, object?>("handled_by", "bot"));
        clock.Advance(TimeSpan.FromSeconds(1));

        var bucket = Assert.Single(sampler.SealedAfter(0));
        Assert.Equal(3, bucket.SessionsClosed);
        Assert.Equal(2, bucket.SessionsClosedByBot);
    }

    [Fact]
    public void Denials_are_counted_by_reason_and_requests_by_route_group_in_milliseconds()
    {
        denials.Add(2, new KeyValuePair<string, object?>("reason", "BudgetExhausted"));
        denials.Add(1, new KeyValuePair<string, object?>("reason", "AlreadyClaimed"));
        requests.Record(0.004, new KeyValuePair<string, object?>("http.route", "/api/sessions/{sessionId}/messages"));
        requests.Record(0.180, new KeyValuePair<string, object?>("http.route", "/api/sessions"));
        requests.Record(0.002);
        // A live stream's WebSocket (101 Switching Protocols) lasts minutes: not a request latency.
        requests.Record(95.0, new KeyValuePair<string, object?>("http.route", "/api/sessions/{id}/stream"),
            new KeyValuePair<string, object?>("http.response.status_code", 101));
        clock.Advance(TimeSpan.FromSeconds(1));

        var bucket = Assert.Single(sampler.SealedAfter(0));
        Assert.Equal(2, bucket.ClaimsDenied["BudgetExhausted"]);
        Assert.Equal(1, bucket.ClaimsDenied["AlreadyClaimed"]);
        var api = bucket.Http["/api/sessions"];
        Assert.Equal(2, api.Total);
        Assert.Equal(180, api.Percentile(LatencyScale.Milliseconds, 0.99)!.Value, 3);
        Assert.Equal(5, api.Percentile(LatencyScale.Milliseconds, 0.50));
        Assert.Equal(1, bucket.Http[RouteGroups.Unmatched].Total);
    }

    [Fact]
    public void The_ring_keeps_only_the_last_fifteen_minutes()
    {
        for (var i = 0; i < 1_000; i++)
        {
            opened.Add(1);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var held = sampler.SealedAfter(0);
        Assert.Equal(OperationsOptions.RetentionSeconds - 1, held.Count);
        Assert.Equal(now - OperationsOptions.RetentionSeconds + 1, held[0].Second);
        Assert.Equal(now - 1, held[^1].Second);
        Assert.Equal(held[0].Second, sampler.OldestSecond);
    }

    public void Dispose()
    {
        sampler.Dispose();
        sessions.Dispose();
        coupons.Dispose();
        hosting.Dispose();
    }
}
