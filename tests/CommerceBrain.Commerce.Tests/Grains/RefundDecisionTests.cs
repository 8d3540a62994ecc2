using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Tests.Fixtures;

namespace CommerceBrain.Commerce.Tests.Grains;

/// <summary>Refund decisions on the order grain: paid refunds, the Refunded order status and the refund listeners.</summary>
[Collection(CommerceSiloCollection.Name)]
public sealed class RefundDecisionTests(CommerceSiloFixture silo)
{
    private static RefundDecision Approve(string refundId, string requestId) => new(refundId, true, "Goods returned", requestId, "agent-1");

    private static RefundDecision Reject(string refundId, string requestId) => new(refundId, false, "Outside the window", requestId, "agent-1");

    private async Task<(IOrderGrain Grain, OrderView Order, RefundView Refund)> RefundRequested(OrderStatus status, bool wholeOrder, int minItems = 1)
    {
        var (orderId, customerId) = await silo.TakeUnrefundedOrderAsync(status, minItems);
        var grain = silo.Grains.GetGrain<IOrderGrain>(orderId);
        var order = (await grain.Get())!;
        var requested = await grain.RequestRefund(new RefundRequest(customerId, wholeOrder ? null : order.Items[0].Sku, "Broken", "req-1"));
        Assert.Equal(RefundRequestOutcome.Requested, requested.Outcome);
        return (grain, order, requested.Refund!);
    }

    [Fact]
    public async Task Approving_a_whole_order_refund_pays_it_and_marks_the_order_refunded_in_the_tables()
    {
        var (grain, order, refund) = await RefundRequested(OrderStatus.Completed, wholeOrder: true);

        var result = await grain.DecideRefund(Approve(refund.RefundId, "dec-1"));

        Assert.Equal(RefundDecisionOutcome.Decided, result.Outcome);
        Assert.Equal(RefundStatus.Paid, result.Refund!.Status);
        Assert.Equal("Goods returned", result.Refund.DecisionReason);
        Assert.NotNull(result.Refund.DecidedAt);
        Assert.Equal(OrderStatus.Refunded, result.Order!.Status);
        var stored = (await silo.Store.GetOrderAsync(order.OrderId))!;
        Assert.Equal(OrderStatus.Refunded, stored.Status);
        Assert.Equal(RefundStatus.Paid, stored.Refunds.Single().Status);
        var told = Assert.Single(silo.RefundListener.CallsFor(order.OrderId));
        Assert.Equal(new OrderRefunded(order.OrderId, order.CustomerId, refund.RefundId, order.TotalMinor, true, null, order.MerchantId), told);
    }

    [Fact]
    public async Task A_repeated_approval_changes_nothing_and_tells_the_listeners_again()
    {
        var (grain, order, refund) = await RefundRequested(OrderStatus.Delivered, wholeOrder: true);

        var first = await grain.DecideRefund(Approve(refund.RefundId, "dec-1"));
        var retried = await grain.DecideRefund(Approve(refund.RefundId, "dec-1"));
        var secondOperator = await grain.DecideRefund(Approve(refund.RefundId, "dec-2"));

        Assert.Equal(RefundDecisionOutcome.Decided, first.Outcome);
        Assert.Equal(RefundDecisionOutcome.Repeated, retried.Outcome);
        Assert.Equal(RefundDecisionOutcome.Repeated, secondOperator.Outcome);
        Assert.Equal(first.Refund, retried.Refund);
        Assert.Equal(first.Refund!.DecidedAt, (await silo.Store.GetOrderAsync(order.OrderId))!.Refunds.Single().DecidedAt);
        Assert.Equal(3, silo.RefundListener.CallsFor(order.OrderId).Count);
        Assert.All(silo.RefundListener.CallsFor(order.OrderId), c => Assert.True(c.WholeOrderRefunded));
    }

    [Fact]
    public async Task One_paid_item_of_several_leaves_the_order_as_it_was_and_paying_every_item_refunds_it()
    {
        var (grain, order, firstRefund) = await RefundRequested(OrderStatus.Completed, wholeOrder: false, minItems: 2);

        var first = await grain.DecideRefund(Approve(firstRefund.RefundId, "dec-1"));
        var skus = order.Items.Select(i => i.Sku).Distinct().Skip(1).ToList();
        RefundDecisionResult? last = null;
        foreach (var sku in skus)
        {
            var requested = await grain.RequestRefund(new RefundRequest(order.CustomerId, sku, "Broken", "req-" + sku));
            last = await grain.DecideRefund(Approve(requested.Refund!.RefundId, "dec-" + sku));
        }

        Assert.Equal(OrderStatus.Completed, first.Order!.Status);
        Assert.False(silo.RefundListener.CallsFor(order.OrderId)[0].WholeOrderRefunded);
        Assert.Equal(OrderStatus.Refunded, last!.Order!.Status);
        Assert.True(silo.RefundListener.CallsFor(order.OrderId)[^1].WholeOrderRefunded);
        Assert.Equal(OrderStatus.Refunded, (await silo.Store.GetOrderAsync(order.OrderId))!.Status);
    }

    [Fact]
    public async Task A_rejected_refund_cannot_be_approved_and_unknown_refunds_or_orders_are_not_found()
    {
        var (grain, order, refund) = await RefundRequested(OrderStatus.Delivered, wholeOrder: true);

        var rejected = await grain.DecideRefund(Reject(refund.RefundId, "dec-1"));
        var rejectedAgain = await grain.DecideRefund(Reject(refund.RefundId, "dec-1"));
        var approved = await grain.DecideRefund(Approve(refund.RefundId, "dec-2"));
        var unknownRefund = await grain.DecideRefund(Approve("rf-nope", "dec-3"));
        var unknownOrder = await silo.Grains.GetGrain<IOrderGrain>("2020010100001").DecideRefund(Approve(refund.RefundId, "dec-4"));

        Assert.Equal(RefundDecisionOutcome.Decided, rejected.Outcome);
        Assert.Equal(RefundStatus.Rejected, rejected.Refund!.Status);
        Assert.Equal(RefundDecisionOutcome.Repeated, rejectedAgain.Outcome);
        Assert.Equal(RefundDecisionOutcome.AlreadyDecided, approved.Outcome);
        Assert.Equal(RefundDecisionOutcome.NotFound, unknownRefund.Outcome);
        Assert.Equal(RefundDecisionOutcome.NotFound, unknownOrder.Outcome);
        var stored = (await silo.Store.GetOrderAsync(order.OrderId))!;
        Assert.Equal((order.Status, RefundStatus.Rejected), (stored.Status, stored.Refunds.Single().Status));
        Assert.Empty(silo.RefundListener.CallsFor(order.OrderId));
    }

    [Fact]
    public async Task A_failing_listener_leaves_the_refund_paid_and_the_other_listeners_are_still_told()
    {
        var (grain, order, refund) = await RefundRequested(OrderStatus.Completed, wholeOrder: true);
        silo.FailingListener.FailFor[order.OrderId] = true;

        var result = await grain.DecideRefund(Approve(refund.RefundId, "dec-1"));

        Assert.Equal(RefundDecisionOutcome.Decided, result.Outcome);
        Assert.Single(silo.FailingListener.CallsFor(order.OrderId));
        Assert.Single(silo.RefundListener.CallsFor(order.OrderId));
        Assert.Equal(RefundStatus.Paid, (await silo.Store.GetOrderAsync(order.OrderId))!.Refunds.Single().Status);
    }
}
