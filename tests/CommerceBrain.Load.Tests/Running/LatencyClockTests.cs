using CommerceBrain.Load.Running;

namespace CommerceBrain.Load.Tests.Running;

public sealed class LatencyClockTests
{
    private const long Frequency = 1_000_000; // a clock ticking in microseconds

    [Fact]
    public void An_open_model_iteration_delayed_by_a_slow_server_is_measured_from_its_intended_start()
    {
        // Intended at t = 1 s; the driver could only send at t = 1.5 s because the server was slow; answered at t = 1.502 s.
        const long intended = 1_000_000, sent = 1_500_000, answered = 1_502_000;

        var start = LatencyClock.MeasurementStart(openModel: true, firstStep: true, intended, sent);

        Assert.Equal(intended, start);
        Assert.Equal(502_000, LatencyClock.Micros(start, answered, Frequency));
    }

    [Fact]
    public void Later_steps_and_closed_model_iterations_are_measured_from_their_own_start()
    {
        const long intended = 1_000_000, now = 1_500_000;

        Assert.Equal(now, LatencyClock.MeasurementStart(openModel: true, firstStep: false, intended, now));
        Assert.Equal(now, LatencyClock.MeasurementStart(openModel: false, firstStep: true, intended, now));
    }

    [Fact]
    public void A_step_that_starts_before_its_intended_time_is_not_given_a_negative_latency()
    {
        Assert.Equal(1_000, LatencyClock.MeasurementStart(openModel: true, firstStep: true, intendedTimestamp: 2_000, nowTimestamp: 1_000));
        Assert.Equal(0, LatencyClock.Micros(5_000, 4_000, Frequency));
    }

    [Fact]
    public void Micros_converts_ticks_of_any_clock_frequency()
    {
        Assert.Equal(1_500, LatencyClock.Micros(0, 15_000, 10_000_000));
        Assert.Equal(2_000_000, LatencyClock.Micros(1_000, 2_001_000, Frequency));
    }
}
