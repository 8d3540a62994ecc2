using System.Globalization;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// What the Double-11 scenarios of one run share: the options, the silo client, the journal of acknowledged writes,
/// the demo customers, the FAQ questions, the coupon campaign and the simulated agents. Set up by the first scenario's
/// Init (the others wait for it), torn down by the last scenario's Clean.
/// </summary>
public sealed class Double11Run
{
    private readonly object gate = new();
    private readonly ProfileSettings settings;
    private Task? setup;
    private int users;
    private long counter;
    private AgentDesk? agents;
    private AckJournal? journal;
    private SiloClient? silo;

    /// <summary>A run of <paramref name="options"/> against the settings' target.</summary>
    public Double11Run(Double11Options options, ProfileSettings settings)
    {
        Options = options;
        this.settings = settings;
    }

    /// <summary>The profile's options.</summary>
    public Double11Options Options { get; }

    /// <summary>The silo client (after set-up).</summary>
    public SiloClient Silo => silo ?? throw new InvalidOperationException("the run is not set up");

    /// <summary>The journal of acknowledged writes (after set-up; records nothing without --journal).</summary>
    public AckJournal Journal => journal ?? throw new InvalidOperationException("the run is not set up");

    /// <summary>The demo customers (after set-up).</summary>
    public DemoCustomers Customers { get; private set; } = null!;

    /// <summary>The platform FAQ questions.</summary>
    public IReadOnlyList<FaqQuestion> PlatformQuestions { get; private set; } = [];

    /// <summary>The demo shops' own FAQ questions (read from the silo).</summary>
    public IReadOnlyList<FaqQuestion> ShopQuestions { get; private set; } = [];

    /// <summary>The products the refund scenario orders (set up only when that scenario runs).</summary>
    public RefundCatalog? Catalog { get; private set; }

    /// <summary>The campaign the coupon scenario claims from (set up only when that scenario runs).</summary>
    public string? CampaignId { get; private set; }

    /// <summary>A new id for a message or claim of this run: the run id keeps repeated runs on one database apart.</summary>
    public string NextId(string kind) =>
        $"{Options.RunId}-{kind}{Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Sets the run up once (every scenario's Init calls this; one does the work, the rest wait for it).</summary>
    public Task SetUpAsync(IScenarioInitContext context)
    {
        lock (gate)
        {
            users++;
            return setup ??= SetUpOnceAsync(context.Log, context.CancellationToken);
        }
    }

    /// <summary>Flushes the journal; the last scenario to clean up also stops the agents and closes the journal.</summary>
    public async Task CleanAsync(IScenarioInitContext context)
    {
        bool last;
        lock (gate)
        {
            last = --users == 0;
        }

        journal?.Flush();
        if (!last)
        {
            return;
        }

        if (agents is not null)
        {
            await agents.DisposeAsync();
            context.Log.WriteLine($"double11: agents stopped: {agents.Summary}");
        }

        if (journal is not null)
        {
            context.Log.WriteLine($"double11: journal: {journal.Count} acknowledged writes");
            await journal.DisposeAsync();
        }

        silo?.Dispose();
    }

    private async Task SetUpOnceAsync(TextWriter log, CancellationToken cancellationToken)
    {
        silo = new SiloClient(settings.Target, settings.Handler);
        journal = new AckJournal(settings.JournalPath);
        Customers = new DemoCustomers(silo, Options.Customers, Options.RefundMaxTotalMinor);
        var scenarios = Options.Scenarios;
        log.WriteLine($"double11: run {Options.RunId}, peak {Options.Peak}/s over {Options.Duration}, scenarios {string.Join(",", scenarios)}");

        if (scenarios.Contains(Double11Scenarios.Faq))
        {
            PlatformQuestions = PlatformFaq.Load();
            ShopQuestions = await ShopFaq.LoadAsync(silo, cancellationToken);
            log.WriteLine($"double11: {PlatformQuestions.Count} platform and {ShopQuestions.Count} shop FAQ questions");
        }

        if (scenarios.Contains(Double11Scenarios.Refund))
        {
            var orders = new List<Api.Order>();
            for (var n = DemoCustomers.First; n < DemoCustomers.First + Math.Min(RefundCatalog.CustomersRead, Customers.Count); n++)
            {
                orders.AddRange(await Customers.OrdersOfAsync(DemoCustomers.Id(n), cancellationToken));
            }

            Catalog = RefundCatalog.From(orders, Options.RefundMaxTotalMinor);
            if (Catalog.Products.Count == 0)
            {
                throw new SiloCallException($"no product below {Options.RefundMaxTotalMinor} in the orders of the first {RefundCatalog.CustomersRead} demo customers: is the demo data seeded?");
            }

            log.WriteLine($"double11: {Catalog.Products.Count} products below {Options.RefundMaxTotalMinor} to order for refunds");
        }

        if (scenarios.Contains(Double11Scenarios.CouponStorm))
        {
            var admin = await silo.TokenAsync("load-admin", "admin", cancellationToken);
            var budget = Options.CouponBudget * (long)CouponScenario.FaceValue;
            var created = await silo.CreateCampaignAsync(admin, $"Double 11 load {Options.RunId}", budget, CouponScenario.FaceValue,
                perUserLimit: 1000, shards: 4, TimeProvider.System.GetUtcNow(), cancellationToken);
            if (!created.IsOk)
            {
                throw new SiloCallException($"POST /api/campaigns: {created.Response.StatusCode} {created.Response.Message}");
            }

            CampaignId = created.Ok.Id;
            log.WriteLine($"double11: campaign {CampaignId}, budget {Options.CouponBudget} coupons for a storm of {Options.StormClaims} claims");
        }

        if (scenarios.Contains(Double11Scenarios.Handoff))
        {
            agents = new AgentDesk(silo, journal, Options, log);
            await agents.StartAsync(cancellationToken);
            log.WriteLine($"double11: {Options.Agents} agents online, capacity {Options.AgentCapacity} each");
        }
    }
}
