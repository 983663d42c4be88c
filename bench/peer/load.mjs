// One autocannon run, for bench/peer_bench.py: the options as JSON in argv[2] (autocannon's own:
// url, connections, duration or amount, method, headers, body, or requests to cycle through), and
// the totals as one JSON line on stdout.
import autocannon from "autocannon";

const result = await autocannon(JSON.parse(process.argv[2]));
const seconds = result.duration;
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    seconds,
    rps: result.requests.total / seconds,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    status_2xx: result["2xx"],
    non_2xx: result.non2xx,
    status_304: result.statusCodeStats?.["304"]?.count ?? 0,
    errors: result.errors,
    timeouts: result.timeouts,
  }) + "\n",
);
