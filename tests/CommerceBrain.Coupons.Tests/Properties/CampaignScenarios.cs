using FsCheck;
using FsCheck.Fluent;

namespace CommerceBrain.Coupons.Tests.Properties;

/// <summary>
/// Generates and shrinks <see cref="CampaignScenario"/>s: small budgets (often only a few coupons per lease chunk, so
/// shards refill all the time), a handful of customers and keys so keys repeat and collide across customers, and
/// pauses, resumes, deactivations and at most one silo restart (the slow step) per scenario.
/// </summary>
public static class CampaignScenarios
{
    private const int Customers = 5;
    private const int Keys = 3;

    public static Arbitrary<CampaignScenario> Scenario() => Arb.From(Generate(), Shrink);

    private static Gen<ScenarioOp.Claim> Claim() =>
        from customer in Gen.Choose(0, Customers - 1)
        from key in Gen.Choose(0, Keys - 1)
        select new ScenarioOp.Claim(customer, key);

    private static Gen<ScenarioOp> Op() => Gen.Frequency(
        (10, Claim().Select(c => (ScenarioOp)c)),
        (4, Gen.Choose(2, 10).SelectMany(n => Gen.ListOf(Claim(), n)).Select(c => (ScenarioOp)new ScenarioOp.Burst([.. c]))),
        (2, Gen.Choose(2, 16).Select(n => (ScenarioOp)new ScenarioOp.Flood(n))),
        (1, Gen.Constant((ScenarioOp)new ScenarioOp.Pause())),
        (2, Gen.Constant((ScenarioOp)new ScenarioOp.Resume())),
        (2, Gen.Constant((ScenarioOp)new ScenarioOp.Deactivate())),
        (1, Gen.Constant((ScenarioOp)new ScenarioOp.Restart())));

    private static Gen<CampaignScenario> Generate() =>
        from faces in Gen.SubListOf(new long[] { 50, 100, 250, 500 }).Where(f => f.Count > 0)
        from coupons in Gen.Choose(1, 40)
        from remainder in Gen.Choose(0, 49)
        from limit in Gen.Choose(1, 3)
        from shards in Gen.Choose(1, 4)
        from count in Gen.Choose(1, 16)
        from ops in Gen.ListOf(Op(), count)
        select new CampaignScenario(faces.Min() * coupons + remainder, [.. faces.Order()], limit, shards, AtMostOneRestart(ops));

    private static ScenarioOp[] AtMostOneRestart(IEnumerable<ScenarioOp> ops)
    {
        var restarted = false;
        return [.. ops.Select(op => op is ScenarioOp.Restart ? (restarted ? new ScenarioOp.Deactivate() : op) : op)
            .Select(op => { restarted |= op is ScenarioOp.Restart; return op; })];
    }

    // Fewer and simpler operations first, then a simpler campaign, so a counterexample reads as a short story.
    private static IEnumerable<CampaignScenario> Shrink(CampaignScenario s)
    {
        var ops = s.Ops;
        for (var size = ops.Count / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= ops.Count; start += size)
            {
                yield return s with { Ops = [.. ops.Take(start), .. ops.Skip(start + size)] };
            }
        }

        for (var i = 0; i < ops.Count; i++)
        {
            switch (ops[i])
            {
                case ScenarioOp.Burst burst:
                    for (var j = 0; j < burst.Claims.Count; j++)
                    {
                        IReadOnlyList<ScenarioOp.Claim> fewer = [.. burst.Claims.Take(j), .. burst.Claims.Skip(j + 1)];
                        yield return s with { Ops = Replace(ops, i, fewer.Count == 1 ? fewer[0] : new ScenarioOp.Burst(fewer)) };
                    }

                    break;
                case ScenarioOp.Flood { Customers: > 1 } flood:
                    yield return s with { Ops = Replace(ops, i, new ScenarioOp.Flood(flood.Customers / 2)) };
                    break;
                case ScenarioOp.Restart:
                    yield return s with { Ops = Replace(ops, i, new ScenarioOp.Deactivate()) };
                    break;
            }
        }

        if (s.Shards > 1)
        {
            yield return s with { Shards = 1 };
        }

        if (s.FaceValues.Count > 1)
        {
            yield return s with { FaceValues = [s.FaceValues[0]] };
        }

        if (s.PerUserLimit > 1)
        {
            yield return s with { PerUserLimit = 1 };
        }

        if (s.Budget / 2 >= s.LowestFaceValue)
        {
            yield return s with { Budget = s.Budget / 2 };
        }
    }

    private static ScenarioOp[] Replace(IReadOnlyList<ScenarioOp> ops, int index, ScenarioOp op) =>
        [.. ops.Take(index), op, .. ops.Skip(index + 1)];
}
