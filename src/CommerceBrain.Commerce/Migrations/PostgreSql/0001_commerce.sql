-- Commerce tables (module "commerce"). Amounts are minor units (fen, cents); times are Unix milliseconds (UTC), the
-- same representation on SQLite and PostgreSQL so that one set of statements serves both.
CREATE TABLE merchants (
    merchant_id   text    NOT NULL PRIMARY KEY,
    name          text    NOT NULL,
    category      text    NOT NULL,
    created_at_ms bigint  NOT NULL
);

CREATE TABLE merchant_faqs (
    merchant_id text    NOT NULL,
    faq_id      text    NOT NULL,
    position    bigint  NOT NULL,
    language    text    NOT NULL,
    question    text    NOT NULL,
    answer      text    NOT NULL,
    PRIMARY KEY (merchant_id, faq_id)
);

CREATE TABLE products (
    sku         text    NOT NULL PRIMARY KEY,
    merchant_id text    NOT NULL,
    title       text    NOT NULL,
    price_minor bigint  NOT NULL,
    currency    text    NOT NULL
);
CREATE INDEX ix_products_merchant ON products (merchant_id, sku);

CREATE TABLE customers (
    customer_id  text    NOT NULL PRIMARY KEY,
    display_name text    NOT NULL,
    segment      text    NOT NULL,
    language     text    NOT NULL,
    joined_at_ms bigint  NOT NULL
);

CREATE TABLE orders (
    order_id         text    NOT NULL PRIMARY KEY,
    customer_id      text    NOT NULL,
    merchant_id      text    NOT NULL,
    status           text    NOT NULL,
    total_minor      bigint  NOT NULL,
    currency         text    NOT NULL,
    placed_at_ms     bigint  NOT NULL,
    shipping_address text    NOT NULL,
    request_id       text    NULL,
    updated_at_ms    bigint  NOT NULL
);
CREATE INDEX ix_orders_customer_newest ON orders (customer_id, placed_at_ms DESC, order_id DESC);
CREATE INDEX ix_orders_merchant_newest ON orders (merchant_id, placed_at_ms DESC, order_id DESC);
CREATE UNIQUE INDEX ux_orders_request ON orders (merchant_id, request_id) WHERE request_id IS NOT NULL;

CREATE TABLE order_items (
    order_id         text    NOT NULL,
    line_no          bigint  NOT NULL,
    sku              text    NOT NULL,
    title            text    NOT NULL,
    quantity         bigint  NOT NULL,
    unit_price_minor bigint  NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shipments (
    order_id                 text    NOT NULL PRIMARY KEY,
    carrier                  text    NOT NULL,
    tracking_number          text    NOT NULL,
    shipped_at_ms            bigint  NOT NULL,
    estimated_delivery_at_ms bigint  NULL
);

CREATE TABLE tracking_events (
    order_id    text    NOT NULL,
    seq         bigint  NOT NULL,
    at_ms       bigint  NOT NULL,
    location    text    NOT NULL,
    description text    NOT NULL,
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE refunds (
    refund_id       text    NOT NULL PRIMARY KEY,
    order_id        text    NOT NULL,
    sku             text    NULL,
    amount_minor    bigint  NOT NULL,
    reason          text    NOT NULL,
    status          text    NOT NULL,
    request_id      text    NOT NULL,
    requested_at_ms bigint  NOT NULL
);
CREATE UNIQUE INDEX ux_refunds_request ON refunds (order_id, request_id);
CREATE INDEX ix_refunds_status ON refunds (status, requested_at_ms);

CREATE TABLE customer_coupons (
    coupon_id       text    NOT NULL PRIMARY KEY,
    customer_id     text    NOT NULL,
    title           text    NOT NULL,
    face_value_minor bigint  NOT NULL,
    min_spend_minor bigint  NOT NULL,
    merchant_id     text    NULL,
    expires_at_ms   bigint  NOT NULL,
    status          text    NOT NULL
);
CREATE INDEX ix_customer_coupons_customer ON customer_coupons (customer_id);

CREATE TABLE address_changes (
    order_id        text    NOT NULL,
    request_id      text    NOT NULL,
    customer_id     text    NOT NULL,
    new_address     text    NOT NULL,
    outcome         text    NOT NULL,
    requested_at_ms bigint  NOT NULL,
    PRIMARY KEY (order_id, request_id)
);

-- One row per seeding run kind ("demo"): state 'seeding' while it runs, 'done' when every row and FAQ is in.
CREATE TABLE commerce_seed (
    name          text    NOT NULL PRIMARY KEY,
    state         text    NOT NULL,
    version       bigint  NOT NULL,
    updated_at_ms bigint  NOT NULL
);
