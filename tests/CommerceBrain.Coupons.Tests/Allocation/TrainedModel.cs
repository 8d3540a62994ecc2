using CommerceBrain.Coupons.Allocation;

namespace CommerceBrain.Coupons.Tests.Allocation;

/// <summary>A model fitted once per test class on a small simulated experiment.</summary>
public sealed class TrainedModel
{
    public static readonly TierOption[] Tiers = [new(500, 2000), new(1000, 4000), new(2000, 8000)];

    public TrainedModel()
    {
        var experiment = ConversionModelTrainer.SimulateExperiment(SimulatedPopulation.Generate(40_000, 101), 102);
        Model = ConversionModelTrainer.Fit(experiment, "test");
    }

    public ConversionModel Model { get; }

    /// <summary>Model probabilities [none, tier 0, …] per customer, computed in managed code.</summary>
    public float[] Probabilities(CustomerFeatures[] customers, IReadOnlyList<TierOption>? tiers = null)
    {
        tiers ??= Tiers;
        var width = tiers.Count + 1;
        var p = new float[customers.Length * width];
        for (var i = 0; i < customers.Length; i++)
        {
            p[i * width] = (float)Model.Predict(customers[i], 0);
            for (var j = 0; j < tiers.Count; j++)
                p[i * width + 1 + j] = (float)Model.Predict(customers[i], tiers[j].FaceValue);
        }

        return p;
    }
}
