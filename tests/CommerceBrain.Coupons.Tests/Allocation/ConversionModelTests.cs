using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Inference;
using CommerceBrain.Inference.Models;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Coupons.Tests.Allocation;

public sealed class ConversionModelTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    [Fact]
    public void The_fitted_model_recovers_heterogeneous_uplift_on_a_holdout_sample()
    {
        var holdout = SimulatedPopulation.Generate(5_000, 31);
        double error = 0, scale = 0, covariance = 0;
        var pairs = new List<(double Predicted, double True)>();
        foreach (var c in holdout)
            foreach (var t in TrainedModel.Tiers)
            {
                var truth = SimulatedPopulation.TrueConversion(c, t.FaceValue) - SimulatedPopulation.TrueConversion(c, 0);
                var predicted = trained.Model.Predict(c, t.FaceValue) - trained.Model.Predict(c, 0);
                pairs.Add((predicted, truth));
                error += Math.Abs(predicted - truth);
                scale += Math.Abs(truth);
            }

        var meanP = pairs.Average(p => p.Predicted);
        var meanT = pairs.Average(p => p.True);
        covariance = pairs.Sum(p => (p.Predicted - meanP) * (p.True - meanT));
        var correlation = covariance / Math.Sqrt(pairs.Sum(p => Math.Pow(p.Predicted - meanP, 2)) * pairs.Sum(p => Math.Pow(p.True - meanT, 2)));
        Assert.True(error < 0.35 * scale, $"mean abs error {error / pairs.Count:F4} vs mean |uplift| {scale / pairs.Count:F4}");
        Assert.True(correlation > 0.9, $"correlation {correlation:F3}");
    }

    [Fact]
    public void The_exported_onnx_graph_predicts_what_the_model_predicts()
    {
        using var registry = new ModelRegistry();
        registry.Publish(ConversionModel.RegistryName, "v1", trained.Model.ToOnnx());
        var customers = SimulatedPopulation.Generate(1_000, 32);

        float[] scored;
        using (var lease = registry.Acquire(ConversionModel.RegistryName))
            scored = OnnxBatchScorer.Score(lease.Session, customers, TrainedModel.Tiers, chunk: 256);

        var expected = trained.Probabilities(customers);
        Assert.Equal(expected.Length, scored.Length);
        for (var k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - scored[k]) < 1e-4, $"row {k}: {expected[k]} vs {scored[k]}");
    }

    [Fact]
    public async Task The_inference_service_serves_per_claim_predictions()
    {
        using var registry = new ModelRegistry();
        registry.Publish(ConversionModel.RegistryName, "v1", trained.Model.ToOnnx());
        await using var service = new InferenceService(registry, Options.Create(new InferenceOptions()));
        var predictor = new InferenceConversionPredictor(service);
        var customer = SimulatedPopulation.Generate(1, 33)[0];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var probabilities = await predictor.PredictAsync(customer, TrainedModel.Tiers, timeout.Token);

        Assert.Equal(4, probabilities.Length);
        Assert.Equal(trained.Model.Predict(customer, 0), probabilities[0], 4);
        for (var j = 0; j < 3; j++)
            Assert.Equal(trained.Model.Predict(customer, TrainedModel.Tiers[j].FaceValue), probabilities[j + 1], 4);
    }

    [Fact]
    public void Fitting_needs_both_outcomes()
    {
        var rows = SimulatedPopulation.Generate(100, 34).Select(c => (c, 0L, false)).ToArray();
        Assert.Throws<ArgumentException>(() => ConversionModelTrainer.Fit(rows, "x"));
    }
}
