-- wrk script for grain-calls.sh: GET /api/diagnostics/counters/{name} over `keys` counter names (bench-0 .. bench-<keys-1>).
-- Arguments after `--`: <mode> <keys> <threads>, threads being wrk's -t.
--   random      each request picks a name uniformly (the measured run);
--   sequential  each wrk thread walks its own share of the names in order, so a warm-up of `keys` requests or more
--               activates every counter grain before anything is measured.
-- Requests are formatted once in init(): building a string per request would spend CPU that wrk shares with the silo.

local count = 0

function setup(thread)
   -- Runs in the main Lua state, once per thread, before that thread's init().
   thread:set("id", count)
   count = count + 1
end

function init(args)
   mode = args[1]
   keys = tonumber(args[2])
   local threads = tonumber(args[3])
   if (mode ~= "random" and mode ~= "sequential") or keys == nil or keys < 1 or threads == nil or threads < 1 then
      error("counters.lua needs arguments: random|sequential <keys> <threads>")
   end
   requests = {}
   for i = 0, keys - 1 do
      requests[i] = wrk.format("GET", "/api/diagnostics/counters/bench-" .. i)
   end
   next_index = math.floor(id * keys / threads)
   math.randomseed(os.time() + id * 7919)
end

function request()
   if mode == "random" then
      return requests[math.random(0, keys - 1)]
   end
   local r = requests[next_index]
   next_index = (next_index + 1) % keys
   return r
end
