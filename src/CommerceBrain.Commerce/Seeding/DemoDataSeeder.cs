using System.Diagnostics;
using CommerceBrain.Commerce.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Commerce.Seeding;

/// <summary>
/// Seeds the demo marketplace into an empty database: rows in batches, each batch one transaction, then every shop's FAQ
/// to the NLU module. A marker row makes it idempotent: <c>seeding</c> while it runs, <c>done</c> at the end. A run that
/// died half-way is completed on the next call (the generator is deterministic and every insert skips existing keys).
/// </summary>
public sealed class DemoDataSeeder
{
    /// <summary>The marker row's name in <c>commerce_seed</c>.</summary>
    public const string MarkerName = "demo";

    private const string Seeding = "seeding";
    private const string Done = "done";

    private readonly CommerceStore _store;
    private readonly IMerchantFaqPublisher _publisher;
    private readonly CommerceOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<DemoDataSeeder> _logger;
    private readonly CommerceSeedStatus _status;
    private readonly SemaphoreSlim _oneRun = new(1, 1);

    internal DemoDataSeeder(CommerceStore store, IMerchantFaqPublisher publisher, IOptions<CommerceOptions> options, TimeProvider clock,
        ILogger<DemoDataSeeder> logger, CommerceSeedStatus status)
    {
        _store = store;
        _publisher = publisher;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _status = status;
    }

    /// <summary>Seeds the full demo marketplace (<see cref="DemoDataSize.Full"/>).</summary>
    public Task<SeedReport> SeedAsync(IProgress<SeedProgress>? progress, CancellationToken cancellationToken) =>
        SeedAsync(DemoDataSize.Full, progress, cancellationToken);

    /// <summary>Seeds <paramref name="size"/> unless the database was seeded before or holds other commerce data.</summary>
    public async Task<SeedReport> SeedAsync(DemoDataSize size, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(size);
        await _oneRun.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = CommerceTelemetry.ActivitySource.StartActivity("commerce.seed");
            var marker = await _store.GetSeedMarkerAsync(MarkerName, cancellationToken).ConfigureAwait(false);
            if (marker?.State == Done)
            {
                CommerceLog.SeedAlreadyDone(_logger, marker.Version);
                _status.Finished();
                return new SeedReport(SeedOutcome.AlreadySeeded, 0, 0, 0, 0);
            }

            if (marker is null && await _store.CountAsync(CommerceTables.Merchants, cancellationToken).ConfigureAwait(false) > 0)
            {
                _status.Finished();
                return new SeedReport(SeedOutcome.NotEmpty, 0, 0, 0, 0);
            }

            if (marker is not null)
            {
                CommerceLog.SeedResumed(_logger, marker.State);
            }

            var stopwatch = Stopwatch.StartNew();
            await _store.SetSeedMarkerAsync(MarkerName, Seeding, DemoDataGenerator.Version, _clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken)
                .ConfigureAwait(false);
            var data = DemoDataGenerator.Generate(size);
            await InsertAsync(data, progress, cancellationToken).ConfigureAwait(false);
            await _store.SetSeedMarkerAsync(MarkerName, Done, DemoDataGenerator.Version, _clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken)
                .ConfigureAwait(false);
            CommerceLog.SeedDone(_logger, data.Merchants.Count, data.Products.Count, data.Customers.Count, data.Orders.Count, stopwatch.Elapsed.TotalSeconds);
            _status.Finished();
            return new SeedReport(SeedOutcome.Seeded, data.Merchants.Count, data.Products.Count, data.Customers.Count, data.Orders.Count);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private async Task InsertAsync(DemoDataSet data, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var tables = SeedTables.From(data);
        var total = tables.Sum(t => (long)t.Rows.Count) + data.Faqs.Count;
        var done = 0L;
        var lastDecile = -1;
        void Report(string step)
        {
            var update = new SeedProgress(step, done, total);
            _status.Report(update);
            progress?.Report(update);
            if (update.Percent / 10 > lastDecile)
            {
                lastDecile = update.Percent / 10;
                CommerceLog.SeedProgress(_logger, update.Percent, step, done, total);
            }
        }

        Report("starting");
        var batchRows = Math.Max(100, _options.SeedBatchRows);
        foreach (var table in tables)
        {
            for (var start = 0; start < table.Rows.Count; start += batchRows)
            {
                var batch = table.Rows.Skip(start).Take(batchRows).ToList();
                await _store.InsertRowsAsync(table.Name, table.Columns, batch, cancellationToken).ConfigureAwait(false);
                done += batch.Count;
                CommerceTelemetry.SeededRows.Add(batch.Count);
                Report(table.Name);
            }
        }

        foreach (var (merchantId, pairs) in data.Faqs)
        {
            await _publisher.PublishAsync(merchantId, pairs, cancellationToken).ConfigureAwait(false);
            done++;
            Report("merchant FAQs");
        }
    }
}
