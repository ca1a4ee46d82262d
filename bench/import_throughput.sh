#!/usr/bin/env bash
# Import throughput and peak memory, end to end through the real rasso binary (parse, validate,
# write), on generated forces of each size given (default 100000 and 1000000 crimes).
# Usage: bench/import_throughput.sh [CRIMES ...]   (needs a release build in build/release)
# Prints one Markdown table row per size, for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rasso=build/release/rasso
work=${BENCH_DIR:-/tmp/rasso-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
mkdir -p "$work"

echo "| crimes | rows | extract MiB | generate s | import s | rows/s | import peak RSS MiB | re-import s |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for crimes in "${sizes[@]}"; do
  extract="$work/extract-$crimes"
  store="$work/store-$crimes.db"
  rm -rf "$extract" "$store" "$store-wal" "$store-shm"
  gen_start=$(date +%s.%N)
  "$rasso" generate --crimes "$crimes" --seed 1 --out "$extract" >/dev/null
  gen_s=$(echo "$(date +%s.%N) - $gen_start" | bc)
  rows=0
  for f in "$extract"/*.csv; do
    [ "$(basename "$f")" = truth.csv ] && continue
    rows=$((rows + $(wc -l <"$f") - 1))
  done
  mib=$(du -sm --exclude=truth.csv "$extract" | cut -f1)
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$rasso" import "$extract" --db "$store" >/dev/null
  read -r import_s rss_kib <"$work/time.txt"
  /usr/bin/time -f "%e %M" -o "$work/time2.txt" "$rasso" import "$extract" --db "$store" >/dev/null
  read -r reimport_s _ <"$work/time2.txt"
  rate=$(echo "$rows / $import_s" | bc)
  echo "| $crimes | $rows | $mib | $gen_s | $import_s | $rate | $((rss_kib / 1024)) | $reimport_s |"
done
