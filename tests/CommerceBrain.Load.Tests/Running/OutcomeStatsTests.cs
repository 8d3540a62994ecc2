using CommerceBrain.Load.Running;

namespace CommerceBrain.Load.Tests.Running;

public sealed class OutcomeStatsTests
{
    [Fact]
    public void Errors_are_broken_down_by_status_and_message_most_frequent_first()
    {
        var stats = new OutcomeStats("get");
        stats.Record(1_000, Response.Ok());
        stats.Record(2_000, Response.Fail("409", "sold out"));
        stats.Record(3_000, Response.Fail("409", "sold out"));
        stats.Record(4_000, Response.Fail("409", "already claimed"));
        stats.Record(5_000, Response.Fail("timeout", "sold out"));

        Assert.Equal(1, stats.Ok);
        Assert.Equal(4, stats.Failed);
        Assert.Equal(5, stats.Latency.TotalCount);
        var errors = stats.Errors();
        Assert.Equal(3, errors.Count);
        Assert.Equal((new ErrorKey("409", "sold out"), 2L), errors[0]);
        Assert.Contains((new ErrorKey("409", "already claimed"), 1L), errors);
        Assert.Contains((new ErrorKey("timeout", "sold out"), 1L), errors);
    }

    [Fact]
    public void Distinct_errors_beyond_the_cap_are_counted_in_one_other_row()
    {
        var stats = new OutcomeStats("get");
        for (var i = 0; i < OutcomeStats.MaxDistinctErrors + 50; i++)
        {
            stats.RecordError("500", $"order {i} failed");
        }

        var errors = stats.Errors();
        Assert.Equal(OutcomeStats.MaxDistinctErrors + 1, errors.Count);
        Assert.Equal(50, errors.Single(e => e.Error.Status == "other").Count);
        Assert.Equal(OutcomeStats.MaxDistinctErrors + 50, stats.Failed);
    }

    [Fact]
    public void Ok_responses_are_counted_by_status_most_frequent_first_and_failures_are_not()
    {
        var stats = new OutcomeStats("ask");
        stats.Record(1_000, Response.Ok(statusCode: "answer"));
        stats.Record(1_000, Response.Ok(statusCode: "handed_over"));
        stats.Record(1_000, Response.Ok(statusCode: "answer"));
        stats.Record(1_000, Response.Ok());
        stats.Record(1_000, Response.Fail("500", "boom"));

        Assert.Equal(4, stats.Ok);
        Assert.Equal([("answer", 2L), ("handed_over", 1L), ("ok", 1L)], stats.Outcomes());
    }

    [Fact]
    public void Distinct_ok_statuses_beyond_the_cap_are_counted_in_one_other_row()
    {
        var stats = new OutcomeStats("get");
        for (var i = 0; i < OutcomeStats.MaxDistinctOutcomes + 30; i++)
        {
            stats.Record(1_000, Response.Ok(statusCode: $"s{i}"));
        }

        var outcomes = stats.Outcomes();
        Assert.Equal(OutcomeStats.MaxDistinctOutcomes + 1, outcomes.Count);
        Assert.Equal(30, outcomes.Single(o => o.Status == "other").Count);
    }
}
