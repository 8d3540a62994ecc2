-- Commerce tables (module "commerce"). Amounts are minor units (fen, cents); times are Unix milliseconds (UTC), the
-- same representation on SQLite and PostgreSQL so that one set of statements serves both.
CREATE TABLE merchants (
    merchant_id   TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE merchant_faqs (
    merchant_id TEXT    NOT NULL,
    faq_id      TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    language    TEXT    NOT NULL,
    question    TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    PRIMARY KEY (merchant_id, faq_id)
);

CREATE TABLE products (
    sku         TEXT    NOT NULL PRIMARY KEY,
    merchant_id TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    price_minor INTEGER NOT NULL,
    currency    TEXT    NOT NULL
);
CREATE INDEX ix_products_merchant ON products (merchant_id, sku);

CREATE TABLE customers (
    customer_id  TEXT    NOT NULL PRIMARY KEY,
    display_name TEXT    NOT NULL,
    segment      TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    joined_at_ms INTEGER NOT NULL
);

CREATE TABLE orders (
    order_id         TEXT    NOT NULL PRIMARY KEY,
    customer_id      TEXT    NOT NULL,
    merchant_id      TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    total_minor      INTEGER NOT NULL,
    currency         TEXT    NOT NULL,
    placed_at_ms     INTEGER NOT NULL,
    shipping_address TEXT    NOT NULL,
    request_id       TEXT    NULL,
    updated_at_ms    INTEGER NOT NULL
);
CREATE INDEX ix_orders_customer_newest ON orders (customer_id, placed_at_ms DESC, order_id DESC);
CREATE INDEX ix_orders_merchant_newest ON orders (merchant_id, placed_at_ms DESC, order_id DESC);
CREATE UNIQUE INDEX ux_orders_request ON orders (merchant_id, request_id) WHERE request_id IS NOT NULL;

CREATE TABLE order_items (
    order_id         TEXT    NOT NULL,
    line_no          INTEGER NOT NULL,
    sku              TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    quantity         INTEGER NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shipments (
    order_id                 TEXT    NOT NULL PRIMARY KEY,
    carrier                  TEXT    NOT NULL,
    tracking_number          TEXT    NOT NULL,
    shipped_at_ms            INTEGER NOT NULL,
    estimated_delivery_at_ms INTEGER NULL
);

CREATE TABLE tracking_events (
    order_id    TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    at_ms       INTEGER NOT NULL,
    location    TEXT    NOT NULL,
    description TEXT    NOT NULL,
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE refunds (
    refund_id       TEXT    NOT NULL PRIMARY KEY,
    order_id        TEXT    NOT NULL,
    sku             TEXT    NULL,
    amount_minor    INTEGER NOT NULL,
    reason          TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    request_id      TEXT    NOT NULL,
    requested_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_refunds_request ON refunds (order_id, request_id);
CREATE INDEX ix_refunds_status ON refunds (status, requested_at_ms);

CREATE TABLE customer_coupons (
    coupon_id       TEXT    NOT NULL PRIMARY KEY,
    customer_id     TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    face_value_minor INTEGER NOT NULL,
    min_spend_minor INTEGER NOT NULL,
    merchant_id     TEXT    NULL,
    expires_at_ms   INTEGER NOT NULL,
    status          TEXT    NOT NULL
);
CREATE INDEX ix_customer_coupons_customer ON customer_coupons (customer_id);

CREATE TABLE address_changes (
    order_id        TEXT    NOT NULL,
    request_id      TEXT    NOT NULL,
    customer_id     TEXT    NOT NULL,
    new_address     TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    requested_at_ms INTEGER NOT NULL,
    PRIMARY KEY (order_id, request_id)
);

-- One row per seeding run kind ("demo"): state 'seeding' while it runs, 'done' when every row and FAQ is in.
CREATE TABLE commerce_seed (
    name          TEXT    NOT NULL PRIMARY KEY,
    state         TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
