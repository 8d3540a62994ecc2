using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Commerce.Seeding;
using CommerceBrain.Commerce.Tests.Fixtures;

namespace CommerceBrain.Commerce.Tests.Api;

/// <summary>The commerce endpoints over HTTP, with callers authenticated by test headers.</summary>
[Collection(CommerceSiloCollection.Name)]
public sealed class CommerceApiTests(CommerceSiloFixture silo)
{
    [Fact]
    public async Task A_customer_pages_through_their_own_orders_newest_first()
    {
        var first = await Json(await Send(HttpMethod.Get, "/api/me/orders?limit=3", Customer(WellKnownDemoData.Alice)));
        var second = await Json(await Send(HttpMethod.Get, "/api/me/orders?limit=3&offset=6", Customer(WellKnownDemoData.Alice)));

        Assert.Equal([WellKnownDemoData.AlicePendingOrder, WellKnownDemoData.AlicePaidOrder, WellKnownDemoData.AliceShippedOrder], OrderIds(first));
        Assert.Equal(3, first.GetProperty("nextOffset").GetInt32());
        Assert.Equal("PendingPayment", first.GetProperty("orders")[0].GetProperty("status").GetString());
        Assert.Equal([WellKnownDemoData.AliceRefundedOrder], OrderIds(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextOffset").ValueKind);
    }

    [Theory]
    [InlineData("/api/me/orders?limit=0")]
    [InlineData("/api/me/orders?limit=101")]
    [InlineData("/api/me/orders?offset=-1")]
    public async Task A_bad_page_is_a_400_problem(string url)
    {
        var response = await Send(HttpMethod.Get, url, Customer(WellKnownDemoData.Alice));

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_customers_list_their_orders_and_only_authenticated_callers_reach_the_api()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/api/me/orders", Merchant("m-001"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/me/orders", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, $"/api/orders/{WellKnownDemoData.AlicePaidOrder}", [])).StatusCode);
    }

    [Fact]
    public async Task An_order_is_shown_to_its_customer_its_merchant_and_operators_and_is_404_for_everyone_else()
    {
        var id = WellKnownDemoData.AliceShippedOrder;

        var own = await Send(HttpMethod.Get, $"/api/orders/{id}", Customer(WellKnownDemoData.Alice));
        var order = await Json(own);
        Assert.Equal(id, order.GetProperty("orderId").GetString());
        Assert.NotEmpty(order.GetProperty("shipment").GetProperty("events").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/orders/{id}", Merchant("m-005"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/orders/{id}", Role("agent", "agent-7"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/orders/{id}", Role("admin", "root"))).StatusCode);

        await AssertProblem(await Send(HttpMethod.Get, $"/api/orders/{id}", Customer(WellKnownDemoData.Ben)), HttpStatusCode.NotFound);
        await AssertProblem(await Send(HttpMethod.Get, $"/api/orders/{id}", Merchant("m-001")), HttpStatusCode.NotFound);
        await AssertProblem(await Send(HttpMethod.Get, "/api/orders/2020010199999", Customer(WellKnownDemoData.Alice)), HttpStatusCode.NotFound);
        await AssertProblem(await Send(HttpMethod.Get, "/api/orders/not-an-order", Role("admin", "root")), HttpStatusCode.NotFound);
        await AssertProblem(await Send(HttpMethod.Get, $"/api/orders/{id}", Role("reviewer", "r-1")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_merchant_creates_an_order_for_its_shop_and_the_same_idempotency_key_returns_it_again()
    {
        var body = new { customerId = WellKnownDemoData.Ben, lines = new[] { new { sku = WellKnownDemoData.HighValueSku, quantity = 2 } }, shippingAddress = "15 Jianguo Road, Beijing" };
        var headers = Merchant("m-001").Append(("Idempotency-Key", "create-ben-1")).ToArray();

        var created = await Send(HttpMethod.Post, "/api/orders", headers, body);
        var again = await Send(HttpMethod.Post, "/api/orders", headers, body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = await Json(created);
        var id = order.GetProperty("orderId").GetString()!;
        Assert.Equal($"/api/orders/{id}", created.Headers.Location!.OriginalString);
        Assert.Matches("^[0-9]{13}$", id);
        Assert.Equal(2_599_800, order.GetProperty("totalMinor").GetInt64());
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await Json(again)).GetProperty("orderId").GetString());
        Assert.Equal(WellKnownDemoData.Ben, (await silo.Store.GetOrderAsync(id))!.CustomerId);
    }

    [Fact]
    public async Task Two_hundred_parallel_creations_all_succeed_under_distinct_ids()
    {
        var headers = Role("admin", "root");

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(n => Task.Run(() => Send(HttpMethod.Post, "/api/orders",
            [.. headers, ("Idempotency-Key", $"parallel-{n}")],
            new { customerId = WellKnownDemoData.Ben, merchantId = "m-001", lines = new[] { new { sku = WellKnownDemoData.HighValueSku, quantity = 1 } }, shippingAddress = "x" }))));

        var ids = new List<string>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            ids.Add((await Json(response)).GetProperty("orderId").GetString()!);
        }

        Assert.Equal(200, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9]{13}$", id));
    }

    [Fact]
    public async Task Creating_an_order_on_a_day_whose_ids_are_all_taken_is_a_503_saying_so()
    {
        // Today and tomorrow, so that a test running across midnight (UTC) still finds its day full.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = new[] { today, today.AddDays(1) }.Select(d => d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await silo.Database.WriteAsync((c, ct) => Dapper.SqlMapper.ExecuteAsync(c,
            "INSERT INTO order_id_serials (day, last_serial) VALUES (@day, 99999) ON CONFLICT (day) DO UPDATE SET last_serial = 99999",
            days.Select(day => new { day })));
        var before = await silo.Store.CountAsync("orders");
        try
        {
            var response = await Send(HttpMethod.Post, "/api/orders", Role("admin", "root"),
                new { customerId = WellKnownDemoData.Ben, merchantId = "m-001", lines = new[] { new { sku = WellKnownDemoData.HighValueSku, quantity = 1 } }, shippingAddress = "x" });

            var problem = await AssertProblem(response, HttpStatusCode.ServiceUnavailable);
            Assert.Contains(problem.GetProperty("title").GetString(), days.Select(day => $"Every order id of {day} is taken."));
            Assert.Equal(before, await silo.Store.CountAsync("orders"));
        }
        finally
        {
            // Forgetting the counters is safe: the next allocation starts above the day's stored orders again.
            await silo.Database.WriteAsync((c, ct) => Dapper.SqlMapper.ExecuteAsync(c, "DELETE FROM order_id_serials WHERE day = @day", days.Select(day => new { day })));
        }
    }

    [Fact]
    public async Task Creating_orders_is_refused_to_customers_and_to_merchants_for_other_shops()
    {
        var body = new { customerId = WellKnownDemoData.Ben, merchantId = "m-002", lines = new[] { new { sku = "sku-00002", quantity = 1 } }, shippingAddress = "x" };

        await AssertProblem(await Send(HttpMethod.Post, "/api/orders", Merchant("m-001"), body), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(HttpMethod.Post, "/api/orders", Customer(WellKnownDemoData.Ben), body), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_invalid_order_is_a_400_problem_naming_the_fields_and_creates_nothing()
    {
        var before = await silo.Store.CountAsync("orders");
        var operatorHeaders = Role("admin", "root");

        var empty = await Send(HttpMethod.Post, "/api/orders", operatorHeaders, new { });
        var unknown = await Send(HttpMethod.Post, "/api/orders", operatorHeaders,
            new { customerId = "c-99999", merchantId = "m-001", lines = new[] { new { sku = "sku-00002", quantity = 1 } }, shippingAddress = "x" });
        var badQuantity = await Send(HttpMethod.Post, "/api/orders", operatorHeaders,
            new { customerId = WellKnownDemoData.Ben, merchantId = "m-001", lines = new[] { new { sku = WellKnownDemoData.HighValueSku, quantity = 0 } }, shippingAddress = "x", status = "shipped" });
        var malformed = await SendRaw("/api/orders", operatorHeaders, "{\"customerId\":", "application/json");
        var wrongType = await SendRaw("/api/orders", operatorHeaders, "customerId=c-00003", "text/plain");

        var emptyProblem = await AssertProblem(empty, HttpStatusCode.BadRequest);
        Assert.True(emptyProblem.GetProperty("errors").TryGetProperty("customerId", out _));
        Assert.True(emptyProblem.GetProperty("errors").TryGetProperty("lines", out _));
        var unknownProblem = await AssertProblem(unknown, HttpStatusCode.BadRequest);
        Assert.True(unknownProblem.GetProperty("errors").TryGetProperty("customerId", out _));
        Assert.True(unknownProblem.GetProperty("errors").TryGetProperty("lines[0].sku", out _));
        var quantityProblem = await AssertProblem(badQuantity, HttpStatusCode.BadRequest);
        Assert.True(quantityProblem.GetProperty("errors").TryGetProperty("lines[0].quantity", out _));
        Assert.True(quantityProblem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(before, await silo.Store.CountAsync("orders"));
    }

    [Fact]
    public async Task Shipment_events_ship_and_deliver_an_order_and_a_cancelled_order_answers_409()
    {
        var (paidId, _) = await silo.TakeOrderAsync(OrderStatus.Paid);
        var merchantId = (await silo.Store.GetOrderAsync(paidId))!.MerchantId;
        var (cancelledId, _) = await silo.TakeOrderAsync(OrderStatus.Cancelled);
        var cancelledMerchant = (await silo.Store.GetOrderAsync(cancelledId))!.MerchantId;

        var missingCarrier = await Send(HttpMethod.Post, $"/api/orders/{paidId}/shipment-events", Merchant(merchantId), new { location = "Ningbo", description = "Picked up" });
        var foreignMerchant = await Send(HttpMethod.Post, $"/api/orders/{paidId}/shipment-events", Merchant(merchantId == "m-050" ? "m-051" : "m-050"),
            new { carrier = "SF Express", trackingNumber = "SF1", location = "Ningbo", description = "Picked up" });
        var shipped = await Send(HttpMethod.Post, $"/api/orders/{paidId}/shipment-events", Merchant(merchantId),
            new { carrier = "SF Express", trackingNumber = "SF998877665544", location = "Ningbo", description = "Picked up by SF Express courier" });
        var delivered = await Send(HttpMethod.Post, $"/api/orders/{paidId}/shipment-events", Role("agent", "agent-1"),
            new { location = "Shanghai", description = "Delivered, signed for by recipient", delivered = true });
        var cancelled = await Send(HttpMethod.Post, $"/api/orders/{cancelledId}/shipment-events", Merchant(cancelledMerchant),
            new { carrier = "SF Express", trackingNumber = "SF1", location = "Ningbo", description = "Picked up" });

        await AssertProblem(missingCarrier, HttpStatusCode.BadRequest);
        await AssertProblem(foreignMerchant, HttpStatusCode.NotFound);
        Assert.Equal("Shipped", (await Json(shipped)).GetProperty("status").GetString());
        var deliveredOrder = await Json(delivered);
        Assert.Equal("Delivered", deliveredOrder.GetProperty("status").GetString());
        Assert.Equal(2, deliveredOrder.GetProperty("shipment").GetProperty("events").GetArrayLength());
        await AssertProblem(cancelled, HttpStatusCode.Conflict);
        Assert.Equal(OrderStatus.Cancelled, (await silo.Store.GetOrderAsync(cancelledId))!.Status);
        Assert.Null((await silo.Store.GetOrderAsync(cancelledId))!.Shipment);
    }

    [Fact]
    public async Task A_shipment_event_without_location_is_a_400_problem()
    {
        var response = await Send(HttpMethod.Post, $"/api/orders/{WellKnownDemoData.BenPaidOrder}/shipment-events", Role("admin", "root"),
            new { carrier = "SF Express", trackingNumber = "SF1", description = "Picked up" });

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("location", out _));
        Assert.Equal(OrderStatus.Paid, (await silo.Store.GetOrderAsync(WellKnownDemoData.BenPaidOrder))!.Status);
    }

    [Fact]
    public async Task The_orders_merchant_approves_a_refund_once_and_a_retry_with_the_same_key_gets_the_same_order()
    {
        var (orderId, customerId) = await silo.TakeUnrefundedOrderAsync(OrderStatus.Delivered);
        var order = (await silo.Grains.GetGrain<IOrderGrain>(orderId).Get())!;
        var refund = (await silo.Grains.GetGrain<IOrderGrain>(orderId).RequestRefund(new RefundRequest(customerId, null, "Broken", "req-1"))).Refund!;
        var url = $"/api/orders/{orderId}/refunds/{refund.RefundId}/decision";
        var otherMerchant = order.MerchantId == "m-050" ? "m-051" : "m-050";

        var byCustomer = await Send(HttpMethod.Post, url, [.. Customer(customerId), ("Idempotency-Key", "k-1")], new { approve = true });
        var byOtherMerchant = await Send(HttpMethod.Post, url, [.. Merchant(otherMerchant), ("Idempotency-Key", "k-1")], new { approve = true });
        var approved = await Send(HttpMethod.Post, url, [.. Merchant(order.MerchantId), ("Idempotency-Key", "k-1")], new { approve = true, reason = "Returned" });
        var retried = await Send(HttpMethod.Post, url, [.. Merchant(order.MerchantId), ("Idempotency-Key", "k-1")], new { approve = true, reason = "Returned" });
        var rejectedLater = await Send(HttpMethod.Post, url, Role("admin", "root"), new { approve = false, requestId = "k-2" });

        await AssertProblem(byCustomer, HttpStatusCode.Forbidden);
        await AssertProblem(byOtherMerchant, HttpStatusCode.NotFound);
        var body = await Json(approved);
        Assert.Equal("Refunded", body.GetProperty("status").GetString());
        Assert.Equal("Paid", body.GetProperty("refunds")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("Refunded", (await Json(retried)).GetProperty("status").GetString());
        await AssertProblem(rejectedLater, HttpStatusCode.Conflict);
        Assert.Equal(OrderStatus.Refunded, (await silo.Store.GetOrderAsync(orderId))!.Status);
    }

    [Fact]
    public async Task Refund_decisions_with_bad_input_or_unknown_ids_are_clear_4xx()
    {
        var (orderId, customerId) = await silo.TakeUnrefundedOrderAsync(OrderStatus.Completed);
        var refund = (await silo.Grains.GetGrain<IOrderGrain>(orderId).RequestRefund(new RefundRequest(customerId, null, "Broken", "req-1"))).Refund!;
        var url = $"/api/orders/{orderId}/refunds/{refund.RefundId}/decision";
        var agent = Role("agent", "agent-1");

        var noKey = await Send(HttpMethod.Post, url, agent, new { approve = true });
        var noApprove = await Send(HttpMethod.Post, url, [.. agent, ("Idempotency-Key", "k-1")], new { reason = "?" });
        var longKey = await Send(HttpMethod.Post, url, [.. agent, ("Idempotency-Key", new string('k', 101))], new { approve = true });
        var longReason = await Send(HttpMethod.Post, url, [.. agent, ("Idempotency-Key", "k-1")], new { approve = true, reason = new string('r', 501) });
        var notJson = await SendRaw(url, [.. agent, ("Idempotency-Key", "k-1")], "approve=yes", "text/plain");
        var unknownRefund = await Send(HttpMethod.Post, $"/api/orders/{orderId}/refunds/rf-nope/decision", [.. agent, ("Idempotency-Key", "k-1")], new { approve = true });
        var unknownOrder = await Send(HttpMethod.Post, "/api/orders/2020010100001/refunds/rf-1/decision", [.. agent, ("Idempotency-Key", "k-1")], new { approve = true });
        var malformedOrder = await Send(HttpMethod.Post, "/api/orders/nope/refunds/rf-1/decision", [.. agent, ("Idempotency-Key", "k-1")], new { approve = true });

        Assert.True((await AssertProblem(noKey, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.True((await AssertProblem(noApprove, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("approve", out _));
        await AssertProblem(longKey, HttpStatusCode.BadRequest);
        Assert.True((await AssertProblem(longReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        await AssertProblem(unknownRefund, HttpStatusCode.NotFound);
        await AssertProblem(unknownOrder, HttpStatusCode.NotFound);
        await AssertProblem(malformedOrder, HttpStatusCode.NotFound);
        Assert.Equal(RefundStatus.Requested, (await silo.Store.GetOrderAsync(orderId))!.Refunds.Single().Status);
    }

    private static (string, string)[] Customer(string id) => Role("customer", id);

    private static (string, string)[] Merchant(string merchantId) => [("X-Test-Role", "merchant"), ("X-Test-Subject", $"{merchantId}-staff"), ("X-Test-Merchant", merchantId)];

    private static (string, string)[] Role(string role, string subject) => [("X-Test-Role", role), ("X-Test-Subject", subject)];

    private static string[] OrderIds(JsonElement page) => page.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!).ToArray();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, (string Name, string Value)[] headers, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await silo.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendRaw(string url, (string Name, string Value)[] headers, string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await silo.Client.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
