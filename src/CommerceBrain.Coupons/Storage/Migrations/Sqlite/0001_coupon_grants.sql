-- The grant ledger: one row per coupon granted, appended through group commit and never updated. It is the truth:
-- shards rebuild what they spent from it, campaigns reconcile their leases with it.
-- The primary key (campaign, shard, seq) is the shards' range; the coupon id embeds it, so coupon ids are unique
-- without an index of their own. The one secondary index serves the per-customer lookup and makes an idempotency key
-- unique per campaign and customer.
CREATE TABLE coupon_grants (
    campaign_id     TEXT    NOT NULL,
    shard           INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    coupon_id       TEXT    NOT NULL,
    customer_id     TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    value           INTEGER NOT NULL,   -- minor units
    tier            INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,   -- unix milliseconds
    at              INTEGER NOT NULL,   -- unix milliseconds
    PRIMARY KEY (campaign_id, shard, seq)
) WITHOUT ROWID;

CREATE UNIQUE INDEX coupon_grants_customer ON coupon_grants (campaign_id, customer_id, idempotency_key);
