using System.Collections.Concurrent;
using CommerceBrain.Commerce.Contracts;

namespace CommerceBrain.Commerce.Tests.Fixtures;

/// <summary>Records every paid refund it is told about; throws first for the orders in <see cref="FailFor"/>.</summary>
public sealed class RecordingRefundListener : IOrderRefundListener
{
    public ConcurrentQueue<OrderRefunded> Calls { get; } = new();

    /// <summary>Orders whose calls are recorded and then fail, to show a failure does not undo the refund.</summary>
    public ConcurrentDictionary<string, bool> FailFor { get; } = new(StringComparer.Ordinal);

    /// <summary>Orders whose next calls fail, as many times as the value says (then they succeed).</summary>
    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<OrderRefunded> CallsFor(string orderId) => Calls.Where(c => c.OrderId == orderId).ToList();

    public Task OnOrderRefundedAsync(OrderRefunded refunded, CancellationToken cancellationToken)
    {
        Calls.Enqueue(refunded);
        var failNow = FailFor.ContainsKey(refunded.OrderId);
        while (!failNow && FailuresLeft.TryGetValue(refunded.OrderId, out var left) && left > 0)
        {
            failNow = FailuresLeft.TryUpdate(refunded.OrderId, left - 1, left);
        }

        return failNow
            ? Task.FromException(new InvalidOperationException("The test listener fails for this order."))
            : Task.CompletedTask;
    }
}
