using System.Diagnostics;
using System.Globalization;
using CommerceBrain.Coupons.Allocation;
using CommerceBrain.Inference;
using CommerceBrain.Inference.Models;

// The allocation optimiser's report (docs/coupons.md, "Allocation optimiser"):
//   dotnet run -c Release --project benchmarks/CommerceBrain.Coupons.Benchmarks -- [customers] [seed]
// Ground truth is SimulatedPopulation's data-generating process; the model is fitted on one sample and everything is
// measured on others.
var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
const long perCustomer = 50; // budget in minor units per customer in the population
TierOption[] tiers = [new(500, 2000), new(1000, 4000), new(2000, 8000)];
var inv = CultureInfo.InvariantCulture;

Console.WriteLine($"# Coupon allocation: {customers:N0} customers, seed {seed}, tiers {string.Join("/", tiers.Select(t => t.FaceValue))}, budget {perCustomer} per customer");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, ONNX Runtime {OnnxSession.RuntimeVersion}");

// 1. Fit on a randomised experiment (its own sample), check on a holdout.
var clock = Stopwatch.StartNew();
var experiment = ConversionModelTrainer.SimulateExperiment(SimulatedPopulation.Generate(200_000, seed * 1000 + 1), seed * 1000 + 2);
var model = ConversionModelTrainer.Fit(experiment, $"seed{seed}-n{experiment.Length}");
Console.WriteLine($"model: logistic regression on {experiment.Length:N0} experiment rows, fitted in {clock.Elapsed.TotalSeconds:F1} s");
var holdout = SimulatedPopulation.Generate(50_000, seed * 1000 + 3);
double errSum = 0, upliftSum = 0;
foreach (var c in holdout)
    foreach (var t in tiers)
    {
        var trueUplift = SimulatedPopulation.TrueConversion(c, t.FaceValue) - SimulatedPopulation.TrueConversion(c, 0);
        var predicted = model.Predict(c, t.FaceValue) - model.Predict(c, 0);
        errSum += Math.Abs(predicted - trueUplift);
        upliftSum += Math.Abs(trueUplift);
    }

Console.WriteLine($"holdout: mean |predicted − true uplift| = {errSum / (holdout.Length * tiers.Length):F4} (mean |true uplift| {upliftSum / (holdout.Length * tiers.Length):F4})");

// 2. Score the population through ONNX Runtime via the inference module's registry.
using var registry = new ModelRegistry();
registry.Publish(ConversionModel.RegistryName, model.Version, model.ToOnnx());
var population = SimulatedPopulation.Generate(customers, seed * 1000 + 4);
clock.Restart();
float[] probabilities;
using (var lease = registry.Acquire(ConversionModel.RegistryName))
    probabilities = OnnxBatchScorer.Score(lease.Session, population, tiers);
Console.WriteLine($"scoring: {population.Length * (tiers.Length + 1):N0} (customer, tier) rows in ONNX Runtime in {clock.Elapsed.TotalSeconds:F2} s");

Console.WriteLine();
Console.WriteLine("## Offline batch (cost counted at grant; conversions are TRUE expected conversions from the generating process)");
Report(CostBasis.AtGrant);
Console.WriteLine();
Console.WriteLine("## Offline batch (cost counted at redemption: face × p; spend column is the TRUE expected spend)");
Report(CostBasis.AtRedemption);

void Report(CostBasis basis)
{
    var budget = (double)perCustomer * customers;
    var problem = AllocationProblem.FromProbabilities(probabilities, tiers, basis);
    var none = new int[customers];
    Array.Fill(none, -1);
    var baseline = SimulatedPopulation.TrueConversions(population, none, tiers);
    var sw = Stopwatch.StartNew();
    var solved = LagrangianAllocator.Solve(problem, budget);
    var solveTime = sw.Elapsed;

    // Reference only: the same solver fed the true probabilities (what a perfect model would reach).
    var trueProbabilities = new float[probabilities.Length];
    for (var i = 0; i < customers; i++)
    {
        trueProbabilities[i * (tiers.Length + 1)] = (float)SimulatedPopulation.TrueConversion(population[i], 0);
        for (var j = 0; j < tiers.Length; j++)
            trueProbabilities[i * (tiers.Length + 1) + 1 + j] = (float)SimulatedPopulation.TrueConversion(population[i], tiers[j].FaceValue);
    }

    var oracle = LagrangianAllocator.Solve(AllocationProblem.FromProbabilities(trueProbabilities, tiers, basis), budget);
    var trueProblem = AllocationProblem.FromProbabilities(trueProbabilities, tiers, basis);

    Console.WriteLine($"budget {budget:N0}; solver: {sw.Elapsed.TotalMilliseconds:F0} ms, {solved.Iterations} bisection steps, λ* = {solved.Lambda:E3}, " +
                      $"budget use {solved.BudgetUse:P3}, duality gap {solved.DualityGap:F2} conversions ({solved.DualityGap / solved.PredictedUplift:P4} of predicted uplift)");
    Console.WriteLine();
    Console.WriteLine("| allocation | coupons | spend | true conversions | uplift over no coupons | uplift vs best uniform |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    var rows = new List<(string Name, int[] Choice)> { ("optimised (model)", solved.Choice) };
    for (var j = 0; j < tiers.Length; j++)
        rows.Add(($"uniform {tiers[j].FaceValue}", BaselineAllocators.Uniform(problem, j, budget, seed)));
    rows.Add(("random tier", BaselineAllocators.Random(problem, budget, seed)));
    rows.Add(("optimised (true p, reference)", oracle.Choice));
    var results = rows.Select(r => (r.Name, Coupons: r.Choice.Count(c => c >= 0), Spend: trueProblem.Evaluate(r.Choice).Spend,
        Conversions: SimulatedPopulation.TrueConversions(population, r.Choice, tiers))).ToList();
    var bestUniform = results.Where(r => r.Name.StartsWith("uniform", StringComparison.Ordinal)).Max(r => r.Conversions - baseline);
    foreach (var r in results)
    {
        var uplift = r.Conversions - baseline;
        Console.WriteLine($"| {r.Name} | {r.Coupons:N0} | {r.Spend:N0} | {r.Conversions:N0} | {uplift:N0} | {uplift / bestUniform:F2}× |");
    }

    Console.WriteLine($"| no coupons | 0 | 0 | {baseline:N0} | 0 | |");
    _ = solveTime;
}

// 3. Online: one day of claims with a demand peak at 19:12, 50% more than forecast; λ0 from the forecast.
Console.WriteLine();
Console.WriteLine("## Online day (cost at grant): 200,000 claims, peak 7× base at 19:12, λ0 from a forecast of 133,000");
var day = SimulatedPopulation.Generate(200_000, seed * 1000 + 5);
var profile = new ArrivalProfile();
var arrivals = profile.Sample(day.Length, new Random(seed * 1000 + 6));
var forecast = SimulatedPopulation.Generate(133_000, seed * 1000 + 7);
float[] dayProbabilities, forecastProbabilities;
using (var lease = registry.Acquire(ConversionModel.RegistryName))
{
    dayProbabilities = OnnxBatchScorer.Score(lease.Session, day, tiers);
    forecastProbabilities = OnnxBatchScorer.Score(lease.Session, forecast, tiers);
}

var dayBudget = perCustomer * 133_000L; // the budget was set for the forecast
var lambda0 = LagrangianAllocator.Solve(AllocationProblem.FromProbabilities(forecastProbabilities, tiers, CostBasis.AtGrant), dayBudget).Lambda;
var hindsight = LagrangianAllocator.Solve(AllocationProblem.FromProbabilities(dayProbabilities, tiers, CostBasis.AtGrant), dayBudget);
var dayNone = new int[day.Length];
Array.Fill(dayNone, -1);
var dayBaseline = SimulatedPopulation.TrueConversions(day, dayNone, tiers);
var hindsightUplift = SimulatedPopulation.TrueConversions(day, hindsight.Choice, tiers) - dayBaseline;
Console.WriteLine($"λ0 = {lambda0:E3}, hindsight λ* = {hindsight.Lambda:E3}");
Console.WriteLine();
Console.WriteLine("| policy | spend | budget exhausted at | max deviation from target | true uplift | vs offline optimum |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
Online("fixed λ0, no pacing", new PacingOptions { Proportional = 0, Integral = 0 });
Online("PI pacing, linear target", new PacingOptions());
Online("PI pacing, arrival-curve target", new PacingOptions { TargetCurve = profile.Cumulative });
var firstComeUniform = BaselineAllocators.Uniform(AllocationProblem.FromProbabilities(dayProbabilities, tiers, CostBasis.AtGrant), 1, dayBudget, seed);
Console.WriteLine($"| first come, 1000 each (reference) | {dayBudget:N0} | | | {SimulatedPopulation.TrueConversions(day, firstComeUniform, tiers) - dayBaseline:N0} | {(SimulatedPopulation.TrueConversions(day, firstComeUniform, tiers) - dayBaseline) / hindsightUplift:P1} |");
Console.WriteLine($"| offline optimum (hindsight) | {hindsight.Spend:N0} | | | {hindsightUplift:N0} | 100% |");

void Online(string name, PacingOptions options)
{
    var chooser = new OnlineTierChooser(new NoPredictor(), new PacingController(lambda0, options));
    var outcome = PacingSimulation.Run(chooser, dayProbabilities, arrivals, tiers, dayBudget);
    var uplift = SimulatedPopulation.TrueConversions(day, outcome.Choice, tiers) - dayBaseline;
    var exhausted = outcome.ExhaustedAt is { } at ? TimeSpan.FromDays(at).ToString(@"hh\:mm", inv) : "never";
    Console.WriteLine($"| {name} | {outcome.Spent:N0} | {exhausted} | {outcome.MaxDeviation(dayBudget):P1} | {uplift:N0} | {uplift / hindsightUplift:P1} |");
}

/// <summary>The replay passes probabilities scored in batch; the chooser's own predictor is not called.</summary>
internal sealed class NoPredictor : IConversionPredictor
{
    public ValueTask<float[]> PredictAsync(CustomerFeatures customer, IReadOnlyList<TierOption> tiers, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The replay decides from batch-scored probabilities.");
}
