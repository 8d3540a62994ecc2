using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tests.Properties;

/// <summary>A generated campaign (budget, tiers, per-user limit, shards) and the operations run against it.</summary>
public sealed record CampaignScenario(long Budget, IReadOnlyList<long> FaceValues, int PerUserLimit, int Shards, IReadOnlyList<ScenarioOp> Ops)
{
    public long LowestFaceValue => FaceValues.Min();

    public CampaignSpec Spec() => Campaign.With(budget: Budget, perUserLimit: PerUserLimit, shards: Shards, faceValues: [.. FaceValues]);

    public override string ToString() =>
        $"budget={Budget} tiers=[{string.Join(",", FaceValues)}] perUserLimit={PerUserLimit} shards={Shards} ops: {string.Join("; ", Ops)}";
}
