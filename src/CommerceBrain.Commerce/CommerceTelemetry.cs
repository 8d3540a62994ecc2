using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommerceBrain.Commerce;

/// <summary>The module's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <c>CommerceBrain.Commerce</c>.</summary>
public static class CommerceTelemetry
{
    /// <summary>Source and meter name.</summary>
    public const string Name = "CommerceBrain.Commerce";

    /// <summary>Traces seeding.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Commerce metrics.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Orders created through the order grain.</summary>
    public static readonly Counter<long> OrdersCreated = Meter.CreateCounter<long>("commercebrain.commerce.orders.created", "{order}");

    /// <summary>Shipment events recorded.</summary>
    public static readonly Counter<long> ShipmentEvents = Meter.CreateCounter<long>("commercebrain.commerce.shipment.events", "{event}");

    /// <summary>Refund requests recorded (not counting idempotent repeats).</summary>
    public static readonly Counter<long> RefundRequests = Meter.CreateCounter<long>("commercebrain.commerce.refund.requests", "{request}");

    /// <summary>Refund decisions recorded (tag <c>decision</c>: paid or rejected; not counting repeats).</summary>
    public static readonly Counter<long> RefundDecisions = Meter.CreateCounter<long>("commercebrain.commerce.refund.decisions", "{decision}");

    /// <summary>Refund listener calls that threw or timed out.</summary>
    public static readonly Counter<long> RefundListenerFailures = Meter.CreateCounter<long>("commercebrain.commerce.refund.listener.failures", "{failure}");

    /// <summary>Refund deliveries (every listener told about one paid refund) that succeeded, retries included.</summary>
    public static readonly Counter<long> RefundDeliveries = Meter.CreateCounter<long>("commercebrain.commerce.refund.deliveries", "{delivery}");

    /// <summary>Refund deliveries in which at least one listener failed (the refund stays owed and is retried later).</summary>
    public static readonly Counter<long> RefundDeliveryFailures = Meter.CreateCounter<long>("commercebrain.commerce.refund.delivery.failures", "{delivery}");

    /// <summary>Paid refunds whose listeners are still owed, as the last sweep on this silo counted them.</summary>
    public static readonly ObservableGauge<long> RefundDeliveriesOwed = Meter.CreateObservableGauge(
        "commercebrain.commerce.refund.deliveries.owed", () => new[]
        {
            new Measurement<long>(Interlocked.Read(ref s_owed), new KeyValuePair<string, object?>("state", "pending")),
            new Measurement<long>(Interlocked.Read(ref s_failing), new KeyValuePair<string, object?>("state", "failing")),
        }, "{refund}");

    private static long s_owed;
    private static long s_failing;

    /// <summary>Delivery addresses changed.</summary>
    public static readonly Counter<long> AddressChanges = Meter.CreateCounter<long>("commercebrain.commerce.address.changes", "{change}");

    /// <summary>Rows the demo seeder inserted.</summary>
    public static readonly Counter<long> SeededRows = Meter.CreateCounter<long>("commercebrain.commerce.seed.rows", "{row}");

    /// <summary>Records the owed refund deliveries the sweeper counted (pending in total, failing at least once).</summary>
    internal static void RecordOwedDeliveries(long pending, long failing)
    {
        Interlocked.Exchange(ref s_owed, pending);
        Interlocked.Exchange(ref s_failing, failing);
    }
}
