using System.Data.Common;
using System.Globalization;
using System.Text;
using CommerceBrain.Commerce.Contracts;
using CommerceBrain.Storage;
using Dapper;

namespace CommerceBrain.Commerce.Storage;

/// <summary>
/// The commerce tables, read and written with Dapper over <see cref="StorageDatabase"/>. Every statement is written
/// once for both providers (times are Unix milliseconds, <c>ON CONFLICT DO NOTHING</c> for idempotent inserts).
/// Writes to one order come only from its <see cref="Grains.OrderGrain"/>; the seeder inserts in bulk.
/// </summary>
internal sealed class CommerceStore(StorageDatabase database)
{
    /// <summary>The most orders one read returns.</summary>
    public const int MaxPage = 100;

    private const string OrderColumns = """
        o.order_id AS OrderId, o.customer_id AS CustomerId, o.merchant_id AS MerchantId, o.status AS Status,
        o.total_minor AS TotalMinor, o.currency AS Currency, o.placed_at_ms AS PlacedAtMs, o.shipping_address AS ShippingAddress,
        o.request_id AS RequestId, o.updated_at_ms AS UpdatedAtMs, m.name AS MerchantName
        """;

    private const string ItemColumns = "order_id AS OrderId, line_no AS LineNo, sku AS Sku, title AS Title, quantity AS Quantity, unit_price_minor AS UnitPriceMinor";

    private const string ShipmentColumns = "order_id AS OrderId, carrier AS Carrier, tracking_number AS TrackingNumber, shipped_at_ms AS ShippedAtMs, estimated_delivery_at_ms AS EstimatedDeliveryAtMs";

    private const string EventColumns = "order_id AS OrderId, seq AS Seq, at_ms AS AtMs, location AS Location, description AS Description";

    private const string RefundColumns = "refund_id AS RefundId, order_id AS OrderId, sku AS Sku, amount_minor AS AmountMinor, reason AS Reason, status AS Status, request_id AS RequestId, requested_at_ms AS RequestedAtMs, " +
        "decided_at_ms AS DecidedAtMs, decided_by AS DecidedBy, decision_reason AS DecisionReason, decision_request_id AS DecisionRequestId, " +
        "listeners_due_at_ms AS ListenersDueAtMs, listeners_done_at_ms AS ListenersDoneAtMs, listener_attempts AS ListenerAttempts";

    public StorageDatabase Database => database;

    public async Task<MerchantView?> GetMerchantAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<MerchantRow>(new CommandDefinition(
            "SELECT merchant_id AS MerchantId, name AS Name, category AS Category, created_at_ms AS CreatedAtMs FROM merchants WHERE merchant_id = @merchantId",
            new { merchantId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new MerchantView(row.MerchantId, row.Name, row.Category);
    }

    public async Task<IReadOnlyList<MerchantFaqRow>> ListMerchantFaqsAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<MerchantFaqRow>(new CommandDefinition(
            """
            SELECT merchant_id AS MerchantId, faq_id AS FaqId, position AS Position, language AS Language, question AS Question, answer AS Answer
            FROM merchant_faqs WHERE merchant_id = @merchantId ORDER BY position
            """, new { merchantId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task<CustomerView?> GetCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(
            """
            SELECT customer_id AS CustomerId, display_name AS DisplayName, segment AS Segment, language AS Language, joined_at_ms AS JoinedAtMs
            FROM customers WHERE customer_id = @customerId
            """, new { customerId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new CustomerView(row.CustomerId, row.DisplayName, row.Segment, row.Language, FromMs(row.JoinedAtMs));
    }

    public async Task<IReadOnlyList<ProductRow>> GetProductsAsync(string merchantId, IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default)
    {
        if (skus.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ProductRow>(new CommandDefinition(
            $"""
            SELECT sku AS Sku, merchant_id AS MerchantId, title AS Title, price_minor AS PriceMinor, currency AS Currency
            FROM products WHERE merchant_id = @merchantId AND {AnyOf("sku", "skus")}
            """, new { merchantId, skus = skus.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task<OrderView?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var order = await connection.QuerySingleOrDefaultAsync<OrderRow>(new CommandDefinition(
            $"SELECT {OrderColumns} FROM orders o JOIN merchants m ON m.merchant_id = o.merchant_id WHERE o.order_id = @orderId",
            new { orderId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (order is null)
        {
            return null;
        }

        return (await CompleteAsync(connection, [order], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>A customer's orders, newest first (placement time, then id), skipping <paramref name="offset"/>.</summary>
    public async Task<IReadOnlyList<OrderView>> ListCustomerOrdersAsync(string customerId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var orders = (await connection.QueryAsync<OrderRow>(new CommandDefinition(
            $"""
            SELECT {OrderColumns} FROM orders o JOIN merchants m ON m.merchant_id = o.merchant_id
            WHERE o.customer_id = @customerId
            ORDER BY o.placed_at_ms DESC, o.order_id DESC
            LIMIT @limit OFFSET @offset
            """, new { customerId, limit = (long)limit, offset = (long)offset }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        return await CompleteAsync(connection, orders, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The customer's coupons, available first, then by expiry.</summary>
    public async Task<IReadOnlyList<CouponView>> ListCouponsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CouponRow>(new CommandDefinition(
            """
            SELECT coupon_id AS CouponId, customer_id AS CustomerId, title AS Title, face_value_minor AS FaceValueMinor,
                   min_spend_minor AS MinSpendMinor, merchant_id AS MerchantId, expires_at_ms AS ExpiresAtMs, status AS Status
            FROM customer_coupons WHERE customer_id = @customerId
            ORDER BY CASE WHEN status = 'available' THEN 0 ELSE 1 END, expires_at_ms, coupon_id
            """, new { customerId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new CouponView(r.CouponId, r.Title, r.FaceValueMinor, r.MinSpendMinor, r.MerchantId, FromMs(r.ExpiresAtMs),
            StoredNames.CouponStatusOf(r.Status))).ToList();
    }

    /// <summary>The order a merchant's earlier creation request made, if any.</summary>
    public async Task<string?> FindOrderIdByRequestAsync(string merchantId, string requestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT order_id FROM orders WHERE merchant_id = @merchantId AND request_id = @requestId",
            new { merchantId, requestId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Allocates the next order id of <paramref name="day"/>: <c>yyyyMMdd</c> and a five-digit serial from the durable
    /// per-day counter in <c>order_id_serials</c>, or null when every serial of the day (up to
    /// <see cref="OrderIds.MaxSerial"/>) is taken. One atomic upsert, so concurrent callers never get the same id.
    /// The counter also never falls behind the day's stored orders (demo data, orders from before the counter): it
    /// jumps above them. The order grain still refuses an id that is taken, as a safety net.
    /// </summary>
    public Task<string?> ProposeOrderIdAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var prefix = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return database.WriteAsync(async (connection, ct) =>
        {
            // excluded.last_serial is one above the day's highest stored order; the counter takes whichever is higher,
            // so it strictly increases under the row lock. A full day updates nothing and returns no row.
            var serial = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                """
                INSERT INTO order_id_serials (day, last_serial)
                VALUES (@day, COALESCE((SELECT CAST(substr(max(order_id), 9) AS integer) FROM orders WHERE order_id >= @low AND order_id <= @high), 0) + 1)
                ON CONFLICT (day) DO UPDATE SET last_serial =
                    CASE WHEN excluded.last_serial > order_id_serials.last_serial THEN excluded.last_serial ELSE order_id_serials.last_serial + 1 END
                WHERE order_id_serials.last_serial < @maxSerial
                RETURNING last_serial
                """,
                new { day = prefix, low = prefix + "00000", high = prefix + "99999", maxSerial = OrderIds.MaxSerial },
                cancellationToken: ct)).ConfigureAwait(false);
            return serial is { } value and <= OrderIds.MaxSerial ? OrderIds.Of(day, (int)value) : null;
        }, cancellationToken);
    }

    public async Task<AddressChangeRow?> FindAddressChangeAsync(string orderId, string requestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<AddressChangeRow>(new CommandDefinition(
            """
            SELECT order_id AS OrderId, request_id AS RequestId, customer_id AS CustomerId, new_address AS NewAddress,
                   outcome AS Outcome, requested_at_ms AS RequestedAtMs
            FROM address_changes WHERE order_id = @orderId AND request_id = @requestId
            """, new { orderId, requestId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<RefundRow?> FindRefundByRequestAsync(string orderId, string requestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<RefundRow>(new CommandDefinition(
            $"SELECT {RefundColumns} FROM refunds WHERE order_id = @orderId AND request_id = @requestId",
            new { orderId, requestId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Inserts an order with its lines in one transaction; false when the id or the merchant's request id exists.</summary>
    public Task<bool> InsertOrderAsync(OrderRow order, IReadOnlyList<OrderItemRow> items, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO orders (order_id, customer_id, merchant_id, status, total_minor, currency, placed_at_ms, shipping_address, request_id, updated_at_ms)
                VALUES (@OrderId, @CustomerId, @MerchantId, @Status, @TotalMinor, @Currency, @PlacedAtMs, @ShippingAddress, @RequestId, @UpdatedAtMs)
                ON CONFLICT DO NOTHING
                """, order, transaction, cancellationToken: ct)).ConfigureAwait(false);
            if (inserted == 0)
            {
                return false;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price_minor)
                VALUES (@OrderId, @LineNo, @Sku, @Title, @Quantity, @UnitPriceMinor)
                """, items, transaction, cancellationToken: ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Records an address change request's outcome and, when it is <see cref="AddressChangeOutcome.Changed"/>, the new
    /// address, in one transaction. False when the request id was recorded already (nothing changes then).
    /// </summary>
    public Task<bool> RecordAddressChangeAsync(AddressChangeRow change, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO address_changes (order_id, request_id, customer_id, new_address, outcome, requested_at_ms)
                VALUES (@OrderId, @RequestId, @CustomerId, @NewAddress, @Outcome, @RequestedAtMs)
                ON CONFLICT DO NOTHING
                """, change, transaction, cancellationToken: ct)).ConfigureAwait(false);
            if (inserted == 0)
            {
                return false;
            }

            if (change.Outcome == StoredNames.Of(AddressChangeOutcome.Changed))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE orders SET shipping_address = @NewAddress, updated_at_ms = @RequestedAtMs WHERE order_id = @OrderId",
                    change, transaction, cancellationToken: ct)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Inserts a refund request; false when the order already has one with the same request id.</summary>
    public Task<bool> InsertRefundAsync(RefundRow refund, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO refunds (refund_id, order_id, sku, amount_minor, reason, status, request_id, requested_at_ms)
                VALUES (@RefundId, @OrderId, @Sku, @AmountMinor, @Reason, @Status, @RequestId, @RequestedAtMs)
                ON CONFLICT DO NOTHING
                """, refund, cancellationToken: ct)).ConfigureAwait(false) > 0, cancellationToken);

    /// <summary>The refund <paramref name="refundId"/> of <paramref name="orderId"/>; null when there is none.</summary>
    public async Task<RefundRow?> FindRefundAsync(string orderId, string refundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<RefundRow>(new CommandDefinition(
            $"SELECT {RefundColumns} FROM refunds WHERE order_id = @orderId AND refund_id = @refundId",
            new { orderId, refundId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a refund's decision (its new status, when, by whom, why, the request id) and, when
    /// <paramref name="orderStatus"/> is given, the order's new status, in one transaction. Only a refund still in
    /// <paramref name="expectedStatus"/> changes; false when it was not (nothing is written then). A paid refund is put in
    /// the listeners' outbox in the same transaction (<c>listeners_due_at_ms</c> = the decision time), so a crash before
    /// the listeners ran leaves it owed rather than lost.
    /// </summary>
    public Task<bool> DecideRefundAsync(RefundRow decided, string expectedStatus, string? orderStatus, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE refunds SET status = @Status, decided_at_ms = @DecidedAtMs, decided_by = @DecidedBy,
                    decision_reason = @DecisionReason, decision_request_id = @DecisionRequestId,
                    listeners_due_at_ms = @listenersDueAtMs, listener_attempts = 0
                WHERE order_id = @OrderId AND refund_id = @RefundId AND status = @expectedStatus
                """, new
                {
                    decided.Status, decided.DecidedAtMs, decided.DecidedBy, decided.DecisionReason, decided.DecisionRequestId,
                    decided.OrderId, decided.RefundId, expectedStatus,
                    listenersDueAtMs = decided.Status == StoredNames.Of(RefundStatus.Paid) ? decided.DecidedAtMs : null,
                }, transaction, cancellationToken: ct)).ConfigureAwait(false);
            if (updated != 1)
            {
                return false;
            }

            if (orderStatus is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE orders SET status = @orderStatus, updated_at_ms = @at WHERE order_id = @orderId",
                    new { orderStatus, at = decided.DecidedAtMs, orderId = decided.OrderId }, transaction, cancellationToken: ct)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Paid refunds of <paramref name="orderId"/> whose listeners are due at <paramref name="nowMs"/> or before.</summary>
    public async Task<IReadOnlyList<RefundRow>> ListDueRefundDeliveriesAsync(string orderId, long nowMs, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RefundRow>(new CommandDefinition(
            $"""
            SELECT {RefundColumns} FROM refunds
            WHERE order_id = @orderId AND listeners_due_at_ms IS NOT NULL AND listeners_due_at_ms <= @nowMs
            ORDER BY listeners_due_at_ms, refund_id
            """, new { orderId, nowMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>
    /// Orders with at least one paid refund whose listeners are due at <paramref name="nowMs"/> or before, the longest
    /// waiting first, at most <paramref name="limit"/> (the partial index on <c>listeners_due_at_ms</c> serves this).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListOrdersWithDueRefundDeliveriesAsync(long nowMs, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string OrderId, long DueAtMs)>(new CommandDefinition(
            """
            SELECT order_id, listeners_due_at_ms FROM refunds
            WHERE listeners_due_at_ms IS NOT NULL AND listeners_due_at_ms <= @nowMs
            ORDER BY listeners_due_at_ms, refund_id
            LIMIT @limit
            """, new { nowMs, limit = (long)limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.OrderId).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Refunds whose listeners are still owed, and how many of those have failed at least once.</summary>
    public async Task<(long Pending, long Failing)> CountOwedRefundDeliveriesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var (pending, failing) = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
            """
            SELECT count(*), sum(CASE WHEN listener_attempts > 0 THEN 1 ELSE 0 END) FROM refunds
            WHERE listeners_due_at_ms IS NOT NULL
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (pending, failing ?? 0);
    }

    /// <summary>Every listener succeeded for the refund: it leaves the outbox.</summary>
    public Task CompleteRefundDeliveryAsync(string orderId, string refundId, long doneAtMs, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE refunds SET listeners_due_at_ms = NULL, listeners_done_at_ms = @doneAtMs, listener_attempts = 0
                WHERE order_id = @orderId AND refund_id = @refundId
                """, new { orderId, refundId, doneAtMs }, cancellationToken: ct)).ConfigureAwait(false), cancellationToken);

    /// <summary>A listener failed: the refund stays owed, next due at <paramref name="dueAtMs"/>, after <paramref name="attempts"/> failures.</summary>
    public Task PostponeRefundDeliveryAsync(string orderId, string refundId, long attempts, long dueAtMs, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE refunds SET listeners_due_at_ms = @dueAtMs, listener_attempts = @attempts
                WHERE order_id = @orderId AND refund_id = @refundId
                """, new { orderId, refundId, attempts, dueAtMs }, cancellationToken: ct)).ConfigureAwait(false), cancellationToken);

    /// <summary>
    /// Appends a tracking event (creating the shipment when <paramref name="newShipment"/> is given) and sets the order's
    /// status, in one transaction.
    /// </summary>
    public Task AppendTrackingEventAsync(ShipmentRow? newShipment, TrackingEventRow trackingEvent, string status, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (newShipment is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO shipments (order_id, carrier, tracking_number, shipped_at_ms, estimated_delivery_at_ms)
                    VALUES (@OrderId, @Carrier, @TrackingNumber, @ShippedAtMs, @EstimatedDeliveryAtMs)
                    """, newShipment, transaction, cancellationToken: ct)).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO tracking_events (order_id, seq, at_ms, location, description)
                VALUES (@OrderId, @Seq, @AtMs, @Location, @Description)
                """, trackingEvent, transaction, cancellationToken: ct)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE orders SET status = @status, updated_at_ms = @at WHERE order_id = @orderId",
                new { status, at = trackingEvent.AtMs, orderId = trackingEvent.OrderId }, transaction, cancellationToken: ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>The marker of a seeding run (<c>seeding</c> or <c>done</c>); null when it never started.</summary>
    public async Task<SeedMarkerRow?> GetSeedMarkerAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<SeedMarkerRow>(new CommandDefinition(
            "SELECT name AS Name, state AS State, version AS Version, updated_at_ms AS UpdatedAtMs FROM commerce_seed WHERE name = @name",
            new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public Task SetSeedMarkerAsync(string name, string state, long version, long atMs, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, ct) =>
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO commerce_seed (name, state, version, updated_at_ms) VALUES (@name, @state, @version, @atMs)
                ON CONFLICT (name) DO UPDATE SET state = excluded.state, version = excluded.version, updated_at_ms = excluded.updated_at_ms
                """, new { name, state, version, atMs }, cancellationToken: ct)).ConfigureAwait(false), cancellationToken);

    /// <summary>
    /// Inserts <paramref name="rows"/> (values in <paramref name="columns"/> order) into <paramref name="table"/> in one
    /// transaction, a few hundred rows per statement; rows whose key exists are skipped, so a batch may be inserted again.
    /// </summary>
    public Task InsertRowsAsync(string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (database.Provider == StorageProviderKind.Sqlite)
            {
                await InsertOneByOneAsync(connection, transaction, table, columns, rows, ct).ConfigureAwait(false);
            }
            else
            {
                await InsertManyPerStatementAsync(connection, transaction, table, columns, rows, ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    // SQLite runs in-process: one prepared single-row statement is fastest (binding thousands of named parameters is not).
    private static async Task InsertOneByOneAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = MultiRowInsert(table, columns, 1);
        var parameters = new DbParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{c}");
            command.Parameters.Add(parameters[c]);
        }

        command.Prepare();
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // PostgreSQL is a round trip away: a few hundred rows per statement, far below its 65,535-parameter limit.
    private static async Task InsertManyPerStatementAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var rowsPerStatement = Math.Max(1, 4000 / columns.Count);
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = MultiRowInsert(table, columns, count);
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                for (var c = 0; c < columns.Count; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{(r * columns.Count) + c}");
                    parameter.Value = row[c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Row counts of the commerce tables (for the seeder's check and operators).</summary>
    public async Task<long> CountAsync(string table, CancellationToken cancellationToken = default)
    {
        if (!CommerceTables.All.Contains(table, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{table}' is not a commerce table.", nameof(table));
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table}", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    // Dapper expands a list into (@ids1, @ids2...) for SQLite but sends one array parameter to Npgsql.
    private string AnyOf(string column, string parameter) =>
        database.Provider == StorageProviderKind.PostgreSql ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    private static string MultiRowInsert(string table, IReadOnlyList<string> columns, int count)
    {
        var sql = new StringBuilder(64 + (count * columns.Count * 8));
        sql.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES ");
        for (var r = 0; r < count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append((r * columns.Count) + c);
            }

            sql.Append(')');
        }

        return sql.Append(" ON CONFLICT DO NOTHING").ToString();
    }

    /// <summary>Reads the lines, shipments, tracking events and refunds of <paramref name="orders"/> and builds their views.</summary>
    private async Task<IReadOnlyList<OrderView>> CompleteAsync(DbConnection connection, List<OrderRow> orders, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return [];
        }

        var ids = orders.Select(o => o.OrderId).ToArray();
        var args = new { ids };
        var items = (await connection.QueryAsync<OrderItemRow>(new CommandDefinition(
            $"SELECT {ItemColumns} FROM order_items WHERE {AnyOf("order_id", "ids")} ORDER BY order_id, line_no", args, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(i => i.OrderId, StringComparer.Ordinal);
        var shipments = (await connection.QueryAsync<ShipmentRow>(new CommandDefinition(
            $"SELECT {ShipmentColumns} FROM shipments WHERE {AnyOf("order_id", "ids")}", args, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(s => s.OrderId, StringComparer.Ordinal);
        var events = shipments.Count == 0
            ? Enumerable.Empty<TrackingEventRow>().ToLookup(e => e.OrderId, StringComparer.Ordinal)
            : (await connection.QueryAsync<TrackingEventRow>(new CommandDefinition(
                $"SELECT {EventColumns} FROM tracking_events WHERE {AnyOf("order_id", "ids")} ORDER BY order_id, seq", new { ids = shipments.Keys.ToArray() },
                cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(e => e.OrderId, StringComparer.Ordinal);
        var refunds = (await connection.QueryAsync<RefundRow>(new CommandDefinition(
            $"SELECT {RefundColumns} FROM refunds WHERE {AnyOf("order_id", "ids")} ORDER BY order_id, requested_at_ms, refund_id", args, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(r => r.OrderId, StringComparer.Ordinal);

        return orders.Select(o => new OrderView(
            o.OrderId,
            o.CustomerId,
            o.MerchantId,
            o.MerchantName ?? o.MerchantId,
            StoredNames.OrderStatusOf(o.Status),
            items[o.OrderId].Select(i => new OrderItemView(i.Sku, i.Title, checked((int)i.Quantity), i.UnitPriceMinor)).ToList(),
            o.TotalMinor,
            o.Currency,
            FromMs(o.PlacedAtMs),
            o.ShippingAddress,
            shipments.TryGetValue(o.OrderId, out var s)
                ? new ShipmentView(s.Carrier, s.TrackingNumber, FromMs(s.ShippedAtMs),
                    s.EstimatedDeliveryAtMs is { } eta ? FromMs(eta) : null,
                    events[o.OrderId].Select(e => new TrackingEventView(FromMs(e.AtMs), e.Location, e.Description)).ToList())
                : null,
            refunds[o.OrderId].Select(ToView).ToList())).ToList();
    }

    public static RefundView ToView(RefundRow r) =>
        new(r.RefundId, r.OrderId, r.Sku, r.AmountMinor, r.Reason, StoredNames.RefundStatusOf(r.Status), FromMs(r.RequestedAtMs),
            r.DecidedAtMs is { } decided ? FromMs(decided) : null, r.DecisionReason);

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
