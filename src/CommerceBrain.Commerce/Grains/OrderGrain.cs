using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Commerce.Grains;

/// <summary>
/// One order: the single writer of its rows. The tables are the truth; the grain keeps the last view it read or wrote,
/// which stays valid because every change of this order goes through here.
/// </summary>
internal sealed class OrderGrain(
    CommerceStore store,
    TimeProvider clock,
    ILogger<OrderGrain> logger,
    IEnumerable<IOrderRefundListener> refundListeners,
    IOptions<CommerceOptions> options) : Grain, IOrderGrain
{
    /// <summary>Longest address, reason or tracking text accepted.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Longest request id accepted.</summary>
    public const int MaxRequestIdLength = 100;

    private OrderView? _order;

    private string OrderId => this.GetPrimaryKeyString();

    public async Task<OrderView?> Get() => _order ??= await store.GetOrderAsync(OrderId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Deliveries owed to the refund listeners (a crash cut them off, or they failed) go out right after activation, in
        // a turn of their own: activation never waits on a listener, and a listener may call back into this order.
        this.RegisterGrainTimer(async _ => await DeliverOwedRefunds(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<int> DeliverOwedRefunds()
    {
        var due = await store.ListDueRefundDeliveriesAsync(OrderId, clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (due.Count == 0 || await Get() is not { } order)
        {
            return 0;
        }

        var stillOwed = 0;
        foreach (var row in due)
        {
            var refund = order.Refunds.FirstOrDefault(r => string.Equals(r.RefundId, row.RefundId, StringComparison.Ordinal));
            if (refund is null || !await DeliverAsync(order, refund, row.ListenerAttempts))
            {
                stillOwed++;
            }
        }

        return stillOwed;
    }

    public async Task<AddressChangeResult> ChangeAddress(AddressChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        RequireText(change.CustomerId, nameof(change.CustomerId), MaxRequestIdLength);
        RequireText(change.NewAddress, nameof(change.NewAddress), MaxTextLength);
        RequireText(change.RequestId, nameof(change.RequestId), MaxRequestIdLength);

        var order = await Get();
        if (order is null || !string.Equals(order.CustomerId, change.CustomerId, StringComparison.Ordinal))
        {
            return new AddressChangeResult(AddressChangeOutcome.NotFound, null);
        }

        if (await store.FindAddressChangeAsync(OrderId, change.RequestId) is { } earlier)
        {
            return new AddressChangeResult(StoredNames.AddressOutcomeOf(earlier.Outcome), order);
        }

        var outcome = order.Status is OrderStatus.PendingPayment or OrderStatus.Paid
            ? AddressChangeOutcome.Changed
            : AddressChangeOutcome.TooLate;
        await store.RecordAddressChangeAsync(new AddressChangeRow
        {
            OrderId = OrderId,
            RequestId = change.RequestId,
            CustomerId = change.CustomerId,
            NewAddress = change.NewAddress.Trim(),
            Outcome = StoredNames.Of(outcome),
            RequestedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        if (outcome == AddressChangeOutcome.Changed)
        {
            _order = await store.GetOrderAsync(OrderId);
            TellCustomer();
            CommerceTelemetry.AddressChanges.Add(1);
            CommerceLog.AddressChanged(logger, OrderId);
        }

        return new AddressChangeResult(outcome, _order);
    }

    public async Task<RefundRequestResult> RequestRefund(RefundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireText(request.CustomerId, nameof(request.CustomerId), MaxRequestIdLength);
        RequireText(request.Reason, nameof(request.Reason), MaxTextLength);
        RequireText(request.RequestId, nameof(request.RequestId), MaxRequestIdLength);

        var order = await Get();
        if (order is null || !string.Equals(order.CustomerId, request.CustomerId, StringComparison.Ordinal))
        {
            return new RefundRequestResult(RefundRequestOutcome.NotFound, null);
        }

        if (await store.FindRefundByRequestAsync(OrderId, request.RequestId) is { } earlier)
        {
            return new RefundRequestResult(RefundRequestOutcome.Requested, CommerceStore.ToView(earlier));
        }

        var item = request.Sku is null ? null : order.Items.FirstOrDefault(i => string.Equals(i.Sku, request.Sku, StringComparison.Ordinal));
        if (request.Sku is not null && item is null)
        {
            return new RefundRequestResult(RefundRequestOutcome.NotFound, null);
        }

        if (order.Status is OrderStatus.PendingPayment or OrderStatus.Cancelled)
        {
            return new RefundRequestResult(RefundRequestOutcome.NotRefundable, null);
        }

        var open = order.Refunds.FirstOrDefault(r => IsOpenOrPaid(r.Status) && (request.Sku is null || r.Sku is null || r.Sku == request.Sku));
        if (open is not null)
        {
            return new RefundRequestResult(RefundRequestOutcome.AlreadyRequested, open);
        }

        if (order.Status == OrderStatus.Refunded)
        {
            return new RefundRequestResult(RefundRequestOutcome.NotRefundable, null);
        }

        var row = new RefundRow
        {
            RefundId = $"rf-{OrderId}-{order.Refunds.Count + 1}",
            OrderId = OrderId,
            Sku = request.Sku,
            AmountMinor = item is null ? order.TotalMinor : item.UnitPriceMinor * item.Quantity,
            Reason = request.Reason.Trim(),
            Status = StoredNames.Of(RefundStatus.Requested),
            RequestId = request.RequestId,
            RequestedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await store.InsertRefundAsync(row);
        _order = await store.GetOrderAsync(OrderId);
        TellCustomer();
        CommerceTelemetry.RefundRequests.Add(1);
        CommerceLog.RefundRequested(logger, OrderId, row.RefundId);
        return new RefundRequestResult(RefundRequestOutcome.Requested, CommerceStore.ToView(row));
    }

    public async Task<RefundDecisionResult> DecideRefund(RefundDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        RequireText(decision.RefundId, nameof(decision.RefundId), MaxRequestIdLength);
        RequireText(decision.RequestId, nameof(decision.RequestId), MaxRequestIdLength);
        RequireText(decision.DecidedBy, nameof(decision.DecidedBy), MaxRequestIdLength);
        if (decision.Reason is { Length: > MaxTextLength })
        {
            throw new ArgumentException($"Reason must be at most {MaxTextLength} characters.", nameof(decision));
        }

        var order = await Get();
        var refund = order?.Refunds.FirstOrDefault(r => string.Equals(r.RefundId, decision.RefundId, StringComparison.Ordinal));
        if (order is null || refund is null)
        {
            return new RefundDecisionResult(RefundDecisionOutcome.NotFound, null, null);
        }

        var wanted = decision.Approve ? RefundStatus.Paid : RefundStatus.Rejected;
        if (refund.Status == wanted)
        {
            // A retry (or a second operator agreeing): the state already says so. Listeners run again, since the caller
            // may never have seen the first answer and a listener may have failed then.
            if (decision.Approve)
            {
                var stored = await store.FindRefundAsync(OrderId, refund.RefundId);
                await DeliverAsync(order, refund, stored?.ListenerAttempts ?? 0);
            }

            return new RefundDecisionResult(RefundDecisionOutcome.Repeated, refund, order);
        }

        // Approved means agreed but not paid yet, so it can still be paid; anything else decided stays as it is.
        var decidable = refund.Status is RefundStatus.Requested or RefundStatus.Contested
            || (refund.Status == RefundStatus.Approved && decision.Approve);
        if (!decidable)
        {
            return new RefundDecisionResult(RefundDecisionOutcome.AlreadyDecided, refund, order);
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new RefundRow
        {
            RefundId = refund.RefundId,
            OrderId = OrderId,
            Status = StoredNames.Of(wanted),
            DecidedAtMs = now,
            DecidedBy = decision.DecidedBy,
            DecisionReason = string.IsNullOrWhiteSpace(decision.Reason) ? null : decision.Reason.Trim(),
            DecisionRequestId = decision.RequestId,
        };
        var orderStatus = decision.Approve && IsWhollyRefunded(order, refund) ? StoredNames.Of(OrderStatus.Refunded) : null;
        if (!await store.DecideRefundAsync(row, StoredNames.Of(refund.Status), orderStatus))
        {
            // Only this grain writes the order's refunds, so a miss means memory and tables disagree: read them again.
            _order = null;
            throw new InvalidOperationException($"Order {OrderId}: refund {refund.RefundId} was not in the status this grain last read.");
        }

        _order = await store.GetOrderAsync(OrderId);
        var decided = _order!.Refunds.First(r => string.Equals(r.RefundId, refund.RefundId, StringComparison.Ordinal));
        TellCustomer();
        CommerceTelemetry.RefundDecisions.Add(1, new KeyValuePair<string, object?>("decision", row.Status));
        CommerceLog.RefundDecided(logger, OrderId, refund.RefundId, row.Status, StoredNames.Of(_order.Status));
        if (decision.Approve)
        {
            await DeliverAsync(_order, decided, previousFailures: 0);
        }

        return new RefundDecisionResult(RefundDecisionOutcome.Decided, decided, _order);
    }

    public async Task<OrderCreation> Create(OrderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!OrderIds.IsWellFormed(OrderId))
        {
            throw new ArgumentException($"'{OrderId}' is not an order id (13 digits).");
        }

        if (await Get() is { } existing)
        {
            return spec.RequestId is not null && existing.MerchantId == spec.MerchantId
                && await store.FindOrderIdByRequestAsync(spec.MerchantId, spec.RequestId) == OrderId
                ? new OrderCreation(OrderCreationOutcome.Duplicate, existing)
                : new OrderCreation(OrderCreationOutcome.IdTaken, null);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (await store.GetCustomerAsync(spec.CustomerId) is null)
        {
            errors["customerId"] = [$"There is no customer '{spec.CustomerId}'."];
        }

        if (await store.GetMerchantAsync(spec.MerchantId) is null)
        {
            errors["merchantId"] = [$"There is no merchant '{spec.MerchantId}'."];
        }

        var products = (await store.GetProductsAsync(spec.MerchantId, spec.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToArray()))
            .ToDictionary(p => p.Sku, StringComparer.Ordinal);
        for (var i = 0; i < spec.Lines.Count; i++)
        {
            if (!products.ContainsKey(spec.Lines[i].Sku) && !errors.ContainsKey("merchantId"))
            {
                errors[$"lines[{i}].sku"] = [$"Merchant '{spec.MerchantId}' sells no product '{spec.Lines[i].Sku}'."];
            }
        }

        if (errors.Count > 0)
        {
            return new OrderCreation(OrderCreationOutcome.Invalid, null, errors);
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var items = spec.Lines.Select((line, i) => new OrderItemRow
        {
            OrderId = OrderId,
            LineNo = i + 1,
            Sku = line.Sku,
            Title = products[line.Sku].Title,
            Quantity = line.Quantity,
            UnitPriceMinor = products[line.Sku].PriceMinor,
        }).ToList();
        var row = new OrderRow
        {
            OrderId = OrderId,
            CustomerId = spec.CustomerId,
            MerchantId = spec.MerchantId,
            Status = StoredNames.Of(spec.Status),
            TotalMinor = items.Sum(i => i.UnitPriceMinor * i.Quantity),
            Currency = products[spec.Lines[0].Sku].Currency,
            PlacedAtMs = now,
            ShippingAddress = spec.ShippingAddress.Trim(),
            RequestId = spec.RequestId,
            UpdatedAtMs = now,
        };
        if (!await store.InsertOrderAsync(row, items))
        {
            // Not this id (checked above and only this grain writes it): the merchant's request id made an order meanwhile.
            var earlier = spec.RequestId is null ? null : await store.FindOrderIdByRequestAsync(spec.MerchantId, spec.RequestId);
            return earlier is null
                ? new OrderCreation(OrderCreationOutcome.IdTaken, null)
                : new OrderCreation(OrderCreationOutcome.Duplicate, await store.GetOrderAsync(earlier));
        }

        _order = await store.GetOrderAsync(OrderId);
        TellCustomer();
        CommerceTelemetry.OrdersCreated.Add(1);
        CommerceLog.OrderCreated(logger, OrderId, spec.MerchantId);
        return new OrderCreation(OrderCreationOutcome.Created, _order);
    }

    public async Task<ShipmentEventResult> AddShipmentEvent(ShipmentEvent shipmentEvent)
    {
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        RequireText(shipmentEvent.Location, nameof(shipmentEvent.Location), MaxTextLength);
        RequireText(shipmentEvent.Description, nameof(shipmentEvent.Description), MaxTextLength);

        var order = await Get();
        if (order is null)
        {
            return new ShipmentEventResult(ShipmentEventOutcome.NotFound, null);
        }

        if (order.Status is OrderStatus.PendingPayment or OrderStatus.Cancelled or OrderStatus.Refunded)
        {
            return new ShipmentEventResult(ShipmentEventOutcome.NotShippable, order);
        }

        var at = (shipmentEvent.At ?? clock.GetUtcNow()).ToUnixTimeMilliseconds();
        ShipmentRow? newShipment = null;
        if (order.Shipment is null)
        {
            if (string.IsNullOrWhiteSpace(shipmentEvent.Carrier) || string.IsNullOrWhiteSpace(shipmentEvent.TrackingNumber))
            {
                return new ShipmentEventResult(ShipmentEventOutcome.CarrierRequired, order);
            }

            newShipment = new ShipmentRow
            {
                OrderId = OrderId,
                Carrier = shipmentEvent.Carrier.Trim(),
                TrackingNumber = shipmentEvent.TrackingNumber.Trim(),
                ShippedAtMs = at,
            };
        }

        var status = order.Status switch
        {
            OrderStatus.Paid or OrderStatus.Shipped when shipmentEvent.Delivered => OrderStatus.Delivered,
            OrderStatus.Paid => OrderStatus.Shipped,
            _ => order.Status,
        };
        var trackingEvent = new TrackingEventRow
        {
            OrderId = OrderId,
            Seq = (order.Shipment?.Events.Count ?? 0) + 1,
            AtMs = at,
            Location = shipmentEvent.Location.Trim(),
            Description = shipmentEvent.Description.Trim(),
        };
        await store.AppendTrackingEventAsync(newShipment, trackingEvent, StoredNames.Of(status));
        _order = await store.GetOrderAsync(OrderId);
        TellCustomer();
        CommerceTelemetry.ShipmentEvents.Add(1);
        CommerceLog.ShipmentEventRecorded(logger, OrderId, StoredNames.Of(status));
        return new ShipmentEventResult(ShipmentEventOutcome.Recorded, _order);
    }

    // Refunded as a whole: a whole-order refund is paid, or every item has a paid refund once this one is paid.
    private static bool IsWhollyRefunded(OrderView order, RefundView paying)
    {
        if (paying.Sku is null || order.Status == OrderStatus.Refunded)
        {
            return true;
        }

        var paidSkus = order.Refunds.Where(r => r.Status == RefundStatus.Paid).Select(r => r.Sku).Append(paying.Sku).ToHashSet(StringComparer.Ordinal);
        return paidSkus.Contains(null) || order.Items.All(i => paidSkus.Contains(i.Sku));
    }

    // Tells every listener about a paid refund, then takes it out of the outbox when all succeeded, or postpones it with
    // backoff when one failed. True when delivered.
    private async Task<bool> DeliverAsync(OrderView order, RefundView refund, long previousFailures)
    {
        var delivered = await TellRefundListeners(order, refund);
        var now = clock.GetUtcNow();
        if (delivered)
        {
            await store.CompleteRefundDeliveryAsync(OrderId, refund.RefundId, now.ToUnixTimeMilliseconds());
            CommerceTelemetry.RefundDeliveries.Add(1);
            if (previousFailures > 0)
            {
                CommerceLog.RefundDelivered(logger, OrderId, refund.RefundId, previousFailures);
            }

            return true;
        }

        var failures = previousFailures + 1;
        var delay = options.Value.RetryDelayAfter(failures);
        await store.PostponeRefundDeliveryAsync(OrderId, refund.RefundId, failures, (now + delay).ToUnixTimeMilliseconds());
        CommerceTelemetry.RefundDeliveryFailures.Add(1);
        CommerceLog.RefundDeliveryPostponed(logger, OrderId, refund.RefundId, failures, delay);
        return false;
    }

    // The refund is committed before this runs; a listener's failure is logged and never undoes it (the refund stays
    // owed and is delivered again later). True when every listener succeeded.
    private async Task<bool> TellRefundListeners(OrderView order, RefundView refund)
    {
        var allSucceeded = true;
        var refunded = new OrderRefunded(order.OrderId, order.CustomerId, refund.RefundId, refund.AmountMinor,
            order.Status == OrderStatus.Refunded, refund.Sku, order.MerchantId);
        foreach (var listener in refundListeners)
        {
            using var timeout = new CancellationTokenSource(options.Value.RefundListenerTimeout, clock);
            try
            {
                await listener.OnOrderRefundedAsync(refunded, timeout.Token).WaitAsync(timeout.Token);
            }
            catch (Exception exception)
            {
                CommerceTelemetry.RefundListenerFailures.Add(1);
                CommerceLog.RefundListenerFailed(logger, exception, OrderId, refund.RefundId, listener.GetType().Name);
                allSucceeded = false;
            }
        }

        return allSucceeded;
    }

    private static bool IsOpenOrPaid(RefundStatus status) => status is not RefundStatus.Rejected;

    private static void RequireText(string? value, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{name} must be at most {maxLength} characters.", name);
        }
    }

    // The customer's grain keeps the orders it read; every change of this order makes it read them again.
    private void TellCustomer()
    {
        if (_order is { } order)
        {
            _ = GrainFactory.GetGrain<ICustomerGrain>(order.CustomerId).OrdersChanged();
        }
    }
}
