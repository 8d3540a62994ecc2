-- Where a coupon was claimed (the claim's optional body, e.g. "chat"): part of the request an Idempotency-Key names, so
-- the same key sent with another channel is refused (422) instead of answered with the first coupon. NULL: not said.
ALTER TABLE coupon_grants ADD COLUMN channel TEXT NULL;
