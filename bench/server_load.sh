#!/usr/bin/env bash
# Load test of `rasso serve` with wrk: worklist and person endpoints signed in as an
# investigator, at 64 connections (target >= 5,000 req/s, p99 <= 50 ms) and at 1,000 keep-alive
# connections (no errors, p99 <= 200 ms), plus the server's start time with the store loaded
# (target <= 10 s). Generates, imports and links a store of CRIMES crimes first if missing.
# Usage: bench/server_load.sh [CRIMES]   (default 100000; needs a release build in build/release,
# or RASSO=path/to/rasso). Prints the figures as Markdown for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
crimes=${1:-100000}
rasso=${RASSO:-build/release/rasso}
work=${BENCH_DIR:-/tmp/rasso-server-bench}
duration=${BENCH_SECONDS:-20}
as_of=2025-09-30
mkdir -p "$work"
extract="$work/extract-$crimes"
store="$work/store-$crimes.db"
config="$work/rasso.toml"
password="bench password 123"

if [ ! -f "$extract/crimes.csv" ]; then
  echo "== generating $crimes crimes" >&2
  "$rasso" generate --crimes "$crimes" --seed 1 --out "$extract" >/dev/null
fi
if [ ! -f "$store.linked" ]; then
  rm -f "$store" "$store-wal" "$store-shm"
  echo "== importing and linking" >&2
  "$rasso" import "$extract" --db "$store" >/dev/null
  "$rasso" link --db "$store" >/dev/null
  touch "$store.linked"
fi
printf '[server]\nlog_level = "info"\n' >"$config"
"$rasso" user list --db "$store" | grep -q '^bench ' ||
  "$rasso" user add bench --role investigator --force WD --password "$password" --db "$store" >/dev/null

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
started=$(date +%s.%N)
"$rasso" serve --db "$store" --config "$config" --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
until grep -q '^listening on' "$work/serve.out" 2>/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.05
done
start_s=$(echo "$(date +%s.%N) - $started" | bc)
base=$(sed -n 's/^listening on //p' "$work/serve.out")

curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" "$base/api/v1/session" >/dev/null
cookie=$(awk '$6 == "rasso_session" {print $7}' "$work/cookies")
get() { curl -sf -H "Cookie: rasso_session=$cookie" "$base$1"; }
# People as case work opens them: the people on the first page of the bail and victims worklists.
# (The top repeat suspects are the heaviest pages — dozens of records and hundreds of links — and
# are measured separately with BENCH_PEOPLE=suspects.)
if [ "${BENCH_PEOPLE:-worklists}" = suspects ]; then
  people=$(get "/api/v1/suspects?as_of=$as_of&page_size=50" |
    python3 -c 'import json,sys; print(" ".join("R%d" % s["resolved_id"] for s in json.load(sys.stdin)["items"]))')
else
  people=$( (get "/api/v1/worklists/bail?as_of=$as_of&page_size=50"; echo; get "/api/v1/worklists/victims?as_of=$as_of&page_size=50") |
    python3 -c 'import json,sys
ids = []
for line in sys.stdin:
    if line.strip():
        ids += ["R%d" % i["resolved_id"] for i in json.loads(line)["items"] if i["resolved_id"]]
print(" ".join(sorted(set(ids))[:50]))')
fi

paths=()
for kind in bail orders breaches s63g victims; do paths+=("/api/v1/worklists/$kind?as_of=$as_of"); done
for person in $people; do paths+=("/api/v1/people/$person"); done
for path in "${paths[@]}"; do get "$path" >/dev/null; done  # warm the worklist caches

{
  echo "local cookie = 'rasso_session=$cookie'"
  echo "local paths = {"
  for path in "${paths[@]}"; do echo "  '$path',"; done
  echo "}"
  cat <<'LUA'
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {["Cookie"] = cookie})
end
LUA
} >"$work/load.lua"

run_wrk() {  # connections
  wrk -t2 -c"$1" -d"${duration}s" --timeout 5s --latency -s "$work/load.lua" "$base" >"$work/wrk-$1.txt"
  local rps p99 errors non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$1.txt")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk-$1.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$work/wrk-$1.txt")
  echo "| $crimes | $1 | ${rps} | ${p99} | ${errors:-0} socket, ${non2xx:-0} non-2xx |"
}

echo "Server start with $crimes crimes loaded: ${start_s} s ($(grep -o '"load_seconds":[0-9.]*' "$work/serve.log" | head -1))"
echo "Paths: ${#paths[@]} (5 worklists, $(echo "$people" | wc -w) people), ${duration} s per run, wrk -t2."
echo
echo "| crimes | connections | requests/s | p99 latency | errors |"
echo "|---:|---:|---:|---:|---|"
run_wrk 64
run_wrk 1000
kill -TERM $server
wait $server && echo "(server stopped cleanly on SIGTERM)"
trap - EXIT
