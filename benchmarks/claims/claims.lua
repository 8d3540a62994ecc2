-- wrk script: a coupon claim storm against POST /api/campaigns/{id}/claims.
-- Usage: wrk ... -s claims.lua URL -- <campaign-id> <tokens-file> <threads> <run-tag>
-- The tokens file has one customer bearer token per line; thread t of n takes the tokens whose index mod n is t and
-- walks them round robin, so many customers claim at once. Every request carries a fresh Idempotency-Key (run tag,
-- thread, counter), so no request is a replay of an earlier one.
local counter = 0
local thread_index = 0
local threads = {}
s201, s200, s409, s429, s4xx, s5xx = 0, 0, 0, 0, 0, 0

function setup(thread)
  thread:set("index", thread_index)
  thread_index = thread_index + 1
  table.insert(threads, thread)
end

function init(args)
  campaign = args[1]
  local n = tonumber(args[3])
  tag = args[4] or "run"
  tokens = {}
  local i = 0
  for line in io.lines(args[2]) do
    if (i % n) == index then
      table.insert(tokens, "Bearer " .. line)
    end
    i = i + 1
  end
  if #tokens == 0 then
    error("thread " .. index .. " got no tokens from " .. args[2])
  end
  path = "/api/campaigns/" .. campaign .. "/claims"
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = token,
    ["Idempotency-Key"] = tag .. "-" .. index .. "-" .. counter,
  }, "{}")
end

function response(status, headers, body)
  if status == 201 then s201 = s201 + 1
  elseif status == 200 then s200 = s200 + 1
  elseif status == 409 then s409 = s409 + 1
  elseif status == 429 then s429 = s429 + 1
  elseif status >= 500 then s5xx = s5xx + 1
  else s4xx = s4xx + 1 end
end

-- One line the benchmark script parses: answers by status over all threads.
function done(summary, latency, requests)
  local t = { 0, 0, 0, 0, 0, 0 }
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("s201"); t[2] = t[2] + thread:get("s200"); t[3] = t[3] + thread:get("s409")
    t[4] = t[4] + thread:get("s429"); t[5] = t[5] + thread:get("s4xx"); t[6] = t[6] + thread:get("s5xx")
  end
  io.write(string.format("STATUS granted201=%d repeated200=%d denied409=%d overloaded429=%d other4xx=%d server5xx=%d\n",
    t[1], t[2], t[3], t[4], t[5], t[6]))
end
