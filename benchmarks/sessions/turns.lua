-- wrk script: customer turns against POST /api/sessions/{id}/messages.
-- Usage: wrk ... -s turns.lua URL -- <sessions-file> <threads> <run-tag>
-- The sessions file has one "sessionId token" line per session (opened beforehand, one customer each). Thread t of n
-- takes the sessions whose index mod n is t and walks them round robin, so one session's turns come one after another
-- while thousands of sessions are in flight. Each session cycles through the texts below (FAQ questions, an order
-- question, small talk, in English and Chinese) with a fresh clientMessageId per request: the run tag keeps ids of
-- different wrk runs apart, so no request is a replay of an earlier run's message (a replay is cheaper than a turn).
local texts = {
  "How do I track my order?",
  "how can I get an invoice for my purchase",
  "what payment methods can I use",
  "how do I use a coupon at checkout",
  "how long does delivery usually take",
  "怎么查看物流信息",
  "hi",
  "what is price protection",
  "how do I reset my password",
  "can I pay in installments",
  "怎么申请发票",
  "do you ship internationally",
  "how do membership points work",
  "thanks",
  "how do I leave a review",
  "what are the delivery options",
  "how do I contact the seller",
  "is there a warranty on electronics",
  "how do gift cards work",
  "优惠券怎么用",
}

local counter = 0
local thread_index = 0
local threads = {}

function setup(thread)
  thread:set("index", thread_index)
  thread_index = thread_index + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(args[2])
  tag = args[3] or "run"
  sessions = {}
  local i = 0
  for line in io.lines(args[1]) do
    local id, token = line:match("^(%S+) (%S+)$")
    if id and (i % n) == index then
      table.insert(sessions, { "/api/sessions/" .. id .. "/messages", "Bearer " .. token })
    end
    i = i + 1
  end
  if #sessions == 0 then
    error("thread " .. index .. " got no sessions from " .. args[1])
  end
end

function request()
  counter = counter + 1
  local s = sessions[(counter % #sessions) + 1]
  local turn = math.floor(counter / #sessions)
  local text = texts[(turn % #texts) + 1]
  local body = '{"text":"' .. text .. '","clientMessageId":"' .. tag .. "-" .. index .. "-" .. counter .. '"}'
  return wrk.format("POST", s[1], { ["Content-Type"] = "application/json", ["Authorization"] = s[2] }, body)
end
