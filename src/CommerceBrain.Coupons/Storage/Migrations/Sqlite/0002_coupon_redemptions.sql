-- One row per coupon ever redeemed, written only by the coupon's redemption grain (the single writer). A return after
-- a refund sets returned_at; the next redemption overwrites the row. The index by customer serves "my coupons".
CREATE TABLE coupon_redemptions (
    coupon_id   TEXT    NOT NULL PRIMARY KEY,
    order_id    TEXT    NOT NULL,
    customer_id TEXT    NOT NULL,
    amount      INTEGER NOT NULL,   -- minor units taken off the order
    at          INTEGER NOT NULL,   -- unix milliseconds
    returned_at INTEGER NULL        -- unix milliseconds; set when a refund gave the coupon back
) WITHOUT ROWID;

-- "My coupons" reads a customer's grants across campaigns; the claim path's index leads with the campaign.
CREATE INDEX coupon_grants_by_customer ON coupon_grants (customer_id);
