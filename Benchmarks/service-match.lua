-- wrk script for the service's load figures (Benchmarks/SERVICE.md):
--   wrk -t2 -c16 -d30s --latency -s Benchmarks/service-match.lua http://127.0.0.1:8080
-- POSTs the company profile in $PROFILE (default Datasets/examples/company.json) to
-- /v1/match?top=10; every tenth request of each thread is malformed instead, cycling through
-- broken JSON, a wrong type, a missing field, invalid UTF-8 and a non-object. At the end it
-- prints the answers by status class; any 5xx is a failure of the service.

local malformed = {
  '{"id": "BAD-1", "name": "截断的画像',
  '{"id": "BAD-2", "name": 42, "description": "name is a number"}',
  '{"id": "BAD-3", "name": "no description"}',
  '{"id": "BAD-4", "name": "\255\254", "description": "invalid UTF-8"}',
  '[1, 2, 3]',
}

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local path = os.getenv("PROFILE") or "Datasets/examples/company.json"
  local file = assert(io.open(path, "rb"), "cannot open " .. path)
  profile = file:read("*a")
  file:close()
  sent = 0
  ok2xx, bad4xx, fail5xx, other = 0, 0, 0, 0
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  sent = sent + 1
  local body = profile
  if sent % 10 == 0 then
    body = malformed[(sent / 10) % #malformed + 1]
  end
  return wrk.format("POST", "/v1/match?top=10", headers, body)
end

function response(status, headers, body)
  if status >= 500 then
    fail5xx = fail5xx + 1
  elseif status >= 400 then
    bad4xx = bad4xx + 1
  elseif status >= 200 and status < 300 then
    ok2xx = ok2xx + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, b, c, d = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("ok2xx")
    b = b + t:get("bad4xx")
    c = c + t:get("fail5xx")
    d = d + t:get("other")
  end
  io.write(string.format("answers: 2xx=%d 4xx=%d 5xx=%d other=%d\n", a, b, c, d))
  io.write(string.format("latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests/s: %.1f over %.1f s; socket errors: connect=%d read=%d write=%d timeout=%d\n",
    summary.requests / (summary.duration / 1e6), summary.duration / 1e6,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
