-- The grant ledger: one row per coupon granted, appended through group commit and never updated. It is the truth:
-- shards rebuild what they spent from it, campaigns reconcile their leases with it.
-- The primary key (campaign, shard, seq) is the shards' range; the coupon id embeds it, so coupon ids are unique
-- without an index of their own. The one secondary index serves the per-customer lookup and makes an idempotency key
-- unique per campaign and customer.
CREATE TABLE coupon_grants (
    campaign_id     text        NOT NULL,
    shard           bigint      NOT NULL,
    seq             bigint      NOT NULL,
    coupon_id       text        NOT NULL,
    customer_id     text        NOT NULL,
    idempotency_key text        NOT NULL,
    value           bigint      NOT NULL,   -- minor units
    tier            bigint      NOT NULL,
    expires_at      timestamptz NOT NULL,
    at              timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, shard, seq)
);

CREATE UNIQUE INDEX coupon_grants_customer ON coupon_grants (campaign_id, customer_id, idempotency_key);
