using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.Training;

public sealed class CalibrationTests
{
    private const int Oos = 2;

    [Fact]
    public void The_oos_threshold_does_not_reject_many_in_scope_requests_to_catch_one_out_of_scope_request()
    {
        // 4 correct but unsure in-scope answers (0.35), 6 confident ones, 1 out-of-scope request at 0.40: catching it
        // would also reject the 4 unsure ones (OOS precision 1/5), so the threshold stays below 0.35.
        var probabilities = Enumerable.Repeat(new[] { 0.35f, 0.33f, 0.32f }, 4)
            .Concat(Enumerable.Repeat(new[] { 0.9f, 0.05f, 0.05f }, 6))
            .Append([0.40f, 0.35f, 0.25f]).ToArray();
        var truth = Enumerable.Repeat(0, 10).Append(Oos).ToArray();

        Assert.InRange(Calibration.ChooseOosThreshold(probabilities, truth, Oos), 0f, 0.35f);
    }

    [Fact]
    public void The_oos_threshold_catches_out_of_scope_requests_that_cost_no_in_scope_answer()
    {
        var probabilities = Enumerable.Repeat(new[] { 0.9f, 0.05f, 0.05f }, 10)
            .Concat(Enumerable.Repeat(new[] { 0.30f, 0.36f, 0.34f }, 3)).ToArray();
        var truth = Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(Oos, 3)).ToArray();

        var threshold = Calibration.ChooseOosThreshold(probabilities, truth, Oos);

        Assert.InRange(threshold, 0.37f, 0.9f);
    }
}
