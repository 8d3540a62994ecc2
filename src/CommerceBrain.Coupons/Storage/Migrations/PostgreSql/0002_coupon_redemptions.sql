-- One row per coupon ever redeemed, written only by the coupon's redemption grain (the single writer). A return after
-- a refund sets returned_at; the next redemption overwrites the row.
CREATE TABLE coupon_redemptions (
    coupon_id   text        NOT NULL PRIMARY KEY,
    order_id    text        NOT NULL,
    customer_id text        NOT NULL,
    amount      bigint      NOT NULL,   -- minor units taken off the order
    at          timestamptz NOT NULL,
    returned_at timestamptz NULL        -- set when a refund gave the coupon back
);

-- "My coupons" reads a customer's grants across campaigns; the claim path's index leads with the campaign.
CREATE INDEX coupon_grants_by_customer ON coupon_grants (customer_id);
