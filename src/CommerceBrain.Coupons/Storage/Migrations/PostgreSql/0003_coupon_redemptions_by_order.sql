-- A refunded order gives back the coupons redeemed on it: the refund listener finds them by order id.
CREATE INDEX coupon_redemptions_by_order ON coupon_redemptions (order_id);
