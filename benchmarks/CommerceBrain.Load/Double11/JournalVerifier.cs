using System.Collections.Concurrent;
using CommerceBrain.Load.Double11.Api;

namespace CommerceBrain.Load.Double11;

/// <summary>
/// Reads every acknowledged write of a journal back through the silo's API, a bounded number of sessions, orders and
/// customers at a time:
/// <list type="bullet">
/// <item>messages and agent messages: the session's transcript (read as an admin) has a line with that event id, that
/// author and that text;</item>
/// <item>grants: the claim repeated with the same Idempotency-Key (and channel) answers the same coupon, and the
/// customer's <c>GET /api/me/coupons</c> lists it;</item>
/// <item>orders: the order (read as an admin) exists and belongs to the customer;</item>
/// <item>refunds: the order (read as an admin) carries the refund.</item>
/// </list>
/// A write whose read-back fails (an error status, an unreachable silo) counts as lost, with the reason.
/// </summary>
public sealed class JournalVerifier(SiloClient silo, int parallelism = 16)
{
    private const string Admin = "load-verify-admin";

    /// <summary>Verifies every entry of <paramref name="entries"/>.</summary>
    public async Task<VerifyResult> VerifyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var admin = await silo.TokenAsync(Admin, "admin", cancellationToken);
        var lost = new ConcurrentBag<(JournalEntry, string)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };

        // One read per session, per order and per customer, however many entries it holds.
        var messages = entries.Where(e => e.Kind is JournalKinds.Message or JournalKinds.AgentMessage).GroupBy(e => e.SessionId ?? "");
        await Parallel.ForEachAsync(messages, options, async (group, ct) =>
        {
            foreach (var (entry, why) in await CheckSessionAsync(admin, group.Key, group.ToList(), ct))
            {
                lost.Add((entry, why));
            }
        });

        var orders = entries.Where(e => e.Kind is JournalKinds.Refund or JournalKinds.Order).GroupBy(e => e.OrderId ?? "");
        await Parallel.ForEachAsync(orders, options, async (group, ct) =>
        {
            var order = await silo.GetOrderAsync(admin, group.Key, ct);
            foreach (var entry in group)
            {
                if (CheckOrder(entry, order) is { } why)
                {
                    lost.Add((entry, why));
                }
            }
        });

        var grants = entries.Where(e => e.Kind == JournalKinds.Grant).GroupBy(e => e.Subject);
        await Parallel.ForEachAsync(grants, options, async (group, ct) =>
        {
            foreach (var (entry, why) in await CheckGrantsAsync(group.Key, group.ToList(), ct))
            {
                lost.Add((entry, why));
            }
        });

        var unknown = entries.Where(e => e.Kind is not (JournalKinds.Message or JournalKinds.AgentMessage or JournalKinds.Refund or JournalKinds.Order or JournalKinds.Grant));
        foreach (var entry in unknown)
        {
            lost.Add((entry, $"unknown kind '{entry.Kind}'"));
        }

        return new VerifyResult(entries.Count, [.. lost.OrderBy(l => l.Item1.At)]);
    }

    /// <summary>Why an order or refund entry is lost given the order read back (null when it is there).</summary>
    public static string? CheckOrder(JournalEntry entry, SiloResult<Order> order)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(order);
        if (!order.IsOk)
        {
            return $"GET /api/orders/{entry.OrderId}: {order.Response.StatusCode} {order.Response.Message}";
        }

        return entry.Kind switch
        {
            JournalKinds.Refund when order.Ok.Refunds.All(r => r.RefundId != entry.RefundId) => "the order has no such refund",
            JournalKinds.Order when order.Ok.CustomerId != entry.Subject => $"the order belongs to {order.Ok.CustomerId}, not {entry.Subject}",
            _ => null,
        };
    }

    private async Task<List<(JournalEntry, string)>> CheckSessionAsync(string admin, string sessionId, List<JournalEntry> entries, CancellationToken ct)
    {
        var session = await silo.GetSessionAsync(admin, sessionId, ct);
        if (!session.IsOk)
        {
            return entries.Select(e => (e, $"GET /api/sessions/{sessionId}: {session.Response.StatusCode} {session.Response.Message}")).ToList();
        }

        var lines = session.Ok.Transcript;
        var missing = new List<(JournalEntry, string)>();
        foreach (var entry in entries)
        {
            var author = entry.Kind == JournalKinds.Message ? "customer" : "agent";
            var line = lines.FirstOrDefault(l => l.EventId == entry.EventId && l.Author == author);
            if (line is null)
            {
                missing.Add((entry, $"the transcript has no {author} line with event id {entry.EventId}"));
            }
            else if (line.Text != entry.Text)
            {
                missing.Add((entry, $"event {entry.EventId} holds other text"));
            }
        }

        return missing;
    }

    private async Task<List<(JournalEntry, string)>> CheckGrantsAsync(string customer, List<JournalEntry> entries, CancellationToken ct)
    {
        var missing = new List<(JournalEntry, string)>();
        var token = await silo.TokenAsync(customer, "customer", ct);
        var coupons = await silo.MyCouponsAsync(token, ct);
        var listed = coupons.IsOk ? coupons.Ok.Select(c => c.CouponId).ToHashSet() : null;
        foreach (var entry in entries)
        {
            var again = await silo.ClaimAsync(token, entry.CampaignId ?? "", entry.IdempotencyKey ?? "", entry.Channel ?? CouponScenario.Channel, ct);
            if (!again.IsOk)
            {
                missing.Add((entry, $"the repeated claim answered {again.Response.StatusCode} {again.Response.Message}"));
            }
            else if (again.Ok.CouponId != entry.CouponId)
            {
                missing.Add((entry, again.Ok.CouponId is null
                    ? $"the repeated claim was denied ({again.Ok.DeniedReason}): the key's grant is gone"
                    : $"the repeated claim answered another coupon ({again.Ok.CouponId})"));
            }
            else if (listed is null)
            {
                missing.Add((entry, $"GET /api/me/coupons: {coupons.Response.StatusCode} {coupons.Response.Message}"));
            }
            else if (!listed.Contains(entry.CouponId!))
            {
                missing.Add((entry, "the customer's coupons do not list it"));
            }
        }

        return missing;
    }
}
