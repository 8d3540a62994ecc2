using System.Globalization;
using System.Security.Claims;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Grains;
using CommerceBrain.Commerce.Storage;
using CommerceBrain.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CommerceBrain.Commerce.Api;

/// <summary>
/// <c>/api/me/orders</c> and <c>/api/orders</c>: customers read their own orders; merchants and operators create orders
/// and post shipment events. An order the caller may not see answers 404, as if it did not exist.
/// </summary>
public static class CommerceApi
{
    /// <summary>Default page size of <c>GET /api/me/orders</c>.</summary>
    public const int DefaultLimit = 20;

    /// <summary>Most lines one order may have.</summary>
    public const int MaxLines = 50;

    /// <summary>Most of one product per line.</summary>
    public const int MaxQuantity = 999;

    private const int MaxIdLength = 100;

    // Ids are proposed from the latest id of the day; a concurrent creation may take one first, then the next is tried.
    private const int CreateAttempts = 8;

    /// <summary>Maps the commerce endpoints (all need an authenticated caller).</summary>
    public static IEndpointRouteBuilder MapCommerceApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Commerce").RequireAuthorization();
        api.MapGet("/me/orders", ListMyOrders)
            .RequireAuthorization(Policies.Customer)
            .WithName("ListMyOrders")
            .WithSummary("The calling customer's orders, newest first (limit 1-100, default 20; offset for the next page).")
            .Produces<OrderPage>()
            .ProducesValidationProblem();
        api.MapGet("/orders/{id}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("One order with items, shipment and tracking events, and refunds: for its customer, its merchant or operators; 404 for anyone else.")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/orders", CreateOrder)
            .WithName("CreateOrder")
            .WithSummary("Creates an order for a customer (operators, or a merchant for its own shop). Optional Idempotency-Key: the same key returns the first order with 200.")
            .Accepts<CreateOrderRequest>("application/json")
            .Produces<OrderView>(StatusCodes.Status201Created)
            .Produces<OrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/orders/{id}/shipment-events", AddShipmentEvent)
            .WithName("AddShipmentEvent")
            .WithSummary("Records a carrier scan (the order's merchant or operators): the first moves Paid to Shipped, a delivery scan to Delivered; 409 for orders that cannot ship.")
            .Accepts<ShipmentEventRequest>("application/json")
            .Produces<OrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/orders/{id}/refunds/{refundId}/decision", DecideRefund)
            .WithName("DecideRefund")
            .WithSummary("Approves (pays back) or rejects a refund (operators, or the order's merchant). Needs an Idempotency-Key header or a requestId; "
                + "repeating the same decision answers 200 again; 409 when the refund was already decided the other way.")
            .Accepts<RefundDecisionRequest>("application/json")
            .Produces<OrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ListMyOrders(ClaimsPrincipal user, CommerceStore store, int? limit, int? offset, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var take = limit ?? DefaultLimit;
        var skip = offset ?? 0;
        if (take is < 1 or > CommerceStore.MaxPage)
        {
            errors["limit"] = [$"'limit' must be between 1 and {CommerceStore.MaxPage}."];
        }

        if (skip < 0)
        {
            errors["offset"] = ["'offset' must not be negative."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (user.SubjectId() is not { Length: > 0 } customerId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The token names no customer.");
        }

        // One more than asked tells whether another page exists.
        var orders = await store.ListCustomerOrdersAsync(customerId, skip, Math.Min(take + 1, CommerceStore.MaxPage), cancellationToken);
        var page = orders.Take(take).ToList();
        return TypedResults.Ok(new OrderPage(page, skip, take, orders.Count > take ? skip + take : null));
    }

    private static async Task<IResult> GetOrder(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!IsCustomer(user) && !IsMerchant(user) && !IsOperator(user))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role may not read orders.");
        }

        var order = OrderIds.IsWellFormed(id) ? await grains.GetGrain<IOrderGrain>(id).Get() : null;
        return order is not null && MaySee(user, order) ? TypedResults.Ok(order) : OrderNotFound(id);
    }

    private static async Task<IResult> CreateOrder([FromBody] CreateOrderRequest? request, ClaimsPrincipal user, IGrainFactory grains,
        CommerceStore store, TimeProvider clock, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!IsOperator(user) && !IsMerchant(user))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only operators and merchants create orders.");
        }

        var merchantId = request?.MerchantId ?? (IsMerchant(user) ? user.MerchantId() : null);
        var errors = new Dictionary<string, string[]>();
        RequireId(errors, "customerId", request?.CustomerId);
        RequireId(errors, "merchantId", merchantId);
        RequireText(errors, "shippingAddress", request?.ShippingAddress, OrderGrain.MaxTextLength);
        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxIdLength))
        {
            errors["Idempotency-Key"] = [$"The Idempotency-Key header must be 1-{MaxIdLength} characters."];
        }

        var status = request?.Status?.Trim().ToLowerInvariant() switch
        {
            null or "paid" => OrderStatus.Paid,
            "pendingpayment" or "pending_payment" => OrderStatus.PendingPayment,
            _ => (OrderStatus?)null,
        };
        if (status is null)
        {
            errors["status"] = ["'status' must be 'paid' or 'pendingPayment'."];
        }

        var lines = request?.Lines;
        if (lines is null || lines.Count is < 1 or > MaxLines)
        {
            errors["lines"] = [$"'lines' must hold 1 to {MaxLines} lines."];
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                RequireId(errors, $"lines[{i}].sku", lines[i]?.Sku);
                if (lines[i]?.Quantity is not (>= 1 and <= MaxQuantity))
                {
                    errors[$"lines[{i}].quantity"] = [$"'quantity' must be between 1 and {MaxQuantity}."];
                }
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (IsMerchant(user) && !IsOperator(user) && !string.Equals(user.MerchantId(), merchantId, StringComparison.Ordinal))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A merchant creates orders for its own shop only.");
        }

        if (idempotencyKey is not null && await store.FindOrderIdByRequestAsync(merchantId!, idempotencyKey, cancellationToken) is { } earlierId)
        {
            return TypedResults.Ok(await grains.GetGrain<IOrderGrain>(earlierId).Get());
        }

        var spec = new OrderSpec(request!.CustomerId!, merchantId!, lines!.Select(l => new OrderLineSpec(l!.Sku!, l.Quantity!.Value)).ToList(),
            request.ShippingAddress!, status!.Value, idempotencyKey);
        for (var attempt = 0; attempt < CreateAttempts; attempt++)
        {
            var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (await store.ProposeOrderIdAsync(day, cancellationToken) is not { } id)
            {
                return DayFull(day);
            }

            var creation = await grains.GetGrain<IOrderGrain>(id).Create(spec);
            switch (creation.Outcome)
            {
                case OrderCreationOutcome.Created:
                    return TypedResults.Created($"/api/orders/{id}", creation.Order);
                case OrderCreationOutcome.Duplicate:
                    return TypedResults.Ok(creation.Order);
                case OrderCreationOutcome.Invalid:
                    return TypedResults.ValidationProblem(creation.Errors ?? new Dictionary<string, string[]>());
            }
        }

        // Each refusal moved the counter above the taken id, so this needs ids taken outside the counter eight times over.
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No free order id was found.",
            detail: $"The {CreateAttempts} order ids allocated for this request were all taken by other orders.");
    }

    private static IResult DayFull(DateOnly day)
    {
        var prefix = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: $"Every order id of {prefix} is taken.",
            detail: $"Order ids are {prefix} and a five-digit serial; all {OrderIds.MaxSerial} serials of the day are used. New orders can be created from the next day (UTC).");
    }

    private static async Task<IResult> AddShipmentEvent(string id, [FromBody] ShipmentEventRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!IsOperator(user) && !IsMerchant(user))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the order's merchant and operators post shipment events.");
        }

        var errors = new Dictionary<string, string[]>();
        RequireText(errors, "location", request?.Location, OrderGrain.MaxTextLength);
        RequireText(errors, "description", request?.Description, OrderGrain.MaxTextLength);
        OptionalId(errors, "carrier", request?.Carrier);
        OptionalId(errors, "trackingNumber", request?.TrackingNumber);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var grain = OrderIds.IsWellFormed(id) ? grains.GetGrain<IOrderGrain>(id) : null;
        var order = grain is null ? null : await grain.Get();
        if (order is null || !MaySee(user, order))
        {
            return OrderNotFound(id);
        }

        var result = await grain!.AddShipmentEvent(new ShipmentEvent(request!.Carrier, request.TrackingNumber, request.Location!, request.Description!,
            request.Delivered ?? false, request.At));
        return result.Outcome switch
        {
            ShipmentEventOutcome.Recorded => TypedResults.Ok(result.Order),
            ShipmentEventOutcome.CarrierRequired => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["carrier"] = ["The order's first shipment event must name 'carrier' and 'trackingNumber'."],
            }),
            ShipmentEventOutcome.NotShippable => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order cannot ship.",
                detail: $"Order {id} is {result.Order?.Status}: shipment events are accepted for paid, shipped, delivered and completed orders only."),
            _ => OrderNotFound(id),
        };
    }

    private static async Task<IResult> DecideRefund(string id, string refundId, [FromBody] RefundDecisionRequest? request, ClaimsPrincipal user,
        IGrainFactory grains, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        if (!IsOperator(user) && !IsMerchant(user))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the order's merchant and operators decide refunds.");
        }

        var errors = new Dictionary<string, string[]>();
        if (request?.Approve is null)
        {
            errors["approve"] = ["'approve' is required: true pays the refund back, false rejects it."];
        }

        if (request?.Reason is { Length: > OrderGrain.MaxTextLength } reason)
        {
            errors["reason"] = [$"'reason' must be at most {OrderGrain.MaxTextLength} characters (it has {reason.Length})."];
        }

        var requestId = idempotencyKey ?? request?.RequestId;
        if (requestId is null)
        {
            errors["Idempotency-Key"] = ["Send an Idempotency-Key header (or 'requestId' in the body) so that a retried decision is recognised."];
        }
        else if (idempotencyKey is not null && request?.RequestId is not null && !string.Equals(idempotencyKey, request.RequestId, StringComparison.Ordinal))
        {
            errors["requestId"] = ["'requestId' and the Idempotency-Key header differ; send one of them."];
        }
        else
        {
            RequireId(errors, idempotencyKey is null ? "requestId" : "Idempotency-Key", requestId);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var grain = OrderIds.IsWellFormed(id) ? grains.GetGrain<IOrderGrain>(id) : null;
        var order = grain is null ? null : await grain.Get();
        if (order is null || !MaySee(user, order))
        {
            return OrderNotFound(id);
        }

        if (refundId.Length > MaxIdLength || refundId.Any(char.IsControl))
        {
            return RefundNotFound(id, refundId);
        }

        var result = await grain!.DecideRefund(new RefundDecision(refundId, request!.Approve!.Value, request.Reason, requestId!, user.SubjectId() ?? "unknown"));
        return result.Outcome switch
        {
            RefundDecisionOutcome.Decided or RefundDecisionOutcome.Repeated => TypedResults.Ok(result.Order),
            RefundDecisionOutcome.AlreadyDecided => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The refund was already decided.",
                detail: $"Refund {refundId} is {result.Refund?.Status}; it cannot be {(request.Approve.Value ? "approved" : "rejected")} now."),
            _ => RefundNotFound(id, refundId),
        };
    }

    private static IResult RefundNotFound(string id, string refundId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Refund not found.",
            detail: $"Order {Truncate(id)} has no refund '{Truncate(refundId)}'.");

    private static bool MaySee(ClaimsPrincipal user, OrderView order) =>
        IsOperator(user)
        || (IsMerchant(user) && string.Equals(user.MerchantId(), order.MerchantId, StringComparison.Ordinal))
        || (IsCustomer(user) && string.Equals(user.SubjectId(), order.CustomerId, StringComparison.Ordinal));

    private static bool IsOperator(ClaimsPrincipal user) => user.HasRole(Roles.Admin) || user.HasRole(Roles.Agent);

    private static bool IsMerchant(ClaimsPrincipal user) => user.HasRole(Roles.Merchant) && !string.IsNullOrEmpty(user.MerchantId());

    private static bool IsCustomer(ClaimsPrincipal user) => user.HasRole(Roles.Customer);

    private static IResult OrderNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found.", detail: $"There is no order '{Truncate(id)}' you can see.");

    private static string Truncate(string id) => id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "…";

    private static void RequireId(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl))
        {
            errors[field] = [$"'{field}' must be 1-{MaxIdLength} printable characters."];
        }
    }

    private static void OptionalId(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null)
        {
            RequireId(errors, field, value);
        }
    }

    private static void RequireText(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"'{field}' must not be empty."];
        }
        else if (value.Length > maxLength)
        {
            errors[field] = [$"'{field}' must be at most {maxLength} characters (it has {value.Length})."];
        }
    }
}
