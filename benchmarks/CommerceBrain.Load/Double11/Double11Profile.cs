namespace CommerceBrain.Load.Double11;

/// <summary>
/// The Double-11 peak over the demo data: FAQ questions in paraphrase, order-status forms, refunds, hand-overs to
/// simulated agents over the live stream, and a coupon claim storm at the hour mark; each scenario an open model shaped
/// as <see cref="TrafficShape"/> (everyday → 10× peak → everyday) with its share of <c>--rate</c> (the peak).
/// Options: see <see cref="Double11Options"/> and docs/load-driver.md.
/// </summary>
public sealed class Double11Profile : ILoadProfile
{
    /// <inheritdoc />
    public string Name => "double11";

    /// <inheritdoc />
    public string Description =>
        "Double-11 peak over the demo data: FAQ paraphrases, order status, refunds, hand-overs to simulated agents, a coupon storm; ramps from a tenth of --rate to --rate and back";

    /// <inheritdoc />
    public IReadOnlyList<ScenarioProps> Build(ProfileSettings settings)
    {
        var options = Double11Options.From(settings, TimeProvider.System.GetUtcNow());
        var run = new Double11Run(options, settings);
        var rates = options.Mix.PeakRates(options.Peak, options.Scenarios);
        var scenarios = new List<ScenarioProps>();
        foreach (var name in Double11Scenarios.All.Where(rates.ContainsKey))
        {
            Func<Double11Run, IScenarioContext, Task<Response>> body = name switch
            {
                Double11Scenarios.Faq => FaqScenario.RunAsync,
                Double11Scenarios.OrderStatus => OrderStatusScenario.RunAsync,
                Double11Scenarios.Refund => RefundScenario.RunAsync,
                Double11Scenarios.Handoff => HandoffScenario.RunAsync,
                _ => CouponScenario.RunAsync,
            };
            var simulations = name == Double11Scenarios.CouponStorm
                ? Double11Shape.Storm(rates[name], options.Duration, options.StormAt, options.StormClaims)
                : Double11Shape.Day(rates[name], options.Duration);
            var props = Scenario.Create(name, context => body(run, context))
                .WithInit(run.SetUpAsync)
                .WithClean(run.CleanAsync)
                .WithoutWarmUp()
                .WithLoadSimulations([.. simulations]);
            scenarios.Add(options.MaxIterations is { } max ? props.WithMaxIterations(max) : props);
        }

        return scenarios;
    }
}
