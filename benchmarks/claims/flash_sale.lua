-- The classic flash-sale check-and-decrement, run by redis-benchmark as the baseline for coupon claims:
-- take one unit of budget if any is left (atomic inside Redis), else refuse.
local left = tonumber(redis.call('GET', KEYS[1]) or '0')
if left > 0 then
  redis.call('DECR', KEYS[1])
  return 1
end
return 0
