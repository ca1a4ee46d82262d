#!/usr/bin/env bash
# Accuracy of identity resolution on every public labelled set in ../shared/data/linkage/, through
# the real path a force would use: `rasso labelled-set` writes the set as persons.csv (+ truth.csv),
# `rasso import` loads it into a fresh store, `rasso link --evaluate` scores the result.
# Usage: bench/linkage_public_sets.sh [RASSO_BINARY]   (default build/release/rasso)
set -euo pipefail
cd "$(dirname "$0")/.."
rasso=${1:-build/release/rasso}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '| set | records | pairwise precision | recall | F1 | B-cubed F1 | link time |\n|---|---:|---:|---:|---:|---:|---:|\n'
for set in febrl1 febrl2 febrl3 febrl4 rldata500 rldata10000 splink-fake-1000; do
  "$rasso" labelled-set "$set" --out "$work/$set" >"$work/$set.convert.log"
  "$rasso" import "$work/$set" --db "$work/$set.db" >"$work/$set.import.log"
  start=$(date +%s.%N)
  "$rasso" link --db "$work/$set.db" --json --evaluate "$work/$set/truth.csv" 2>/dev/null >"$work/$set.json"
  end=$(date +%s.%N)
  python3 - "$set" "$work/$set.json" "$start" "$end" <<'PY'
import json, sys
name, path, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
r = json.load(open(path))
e = r["evaluation"]
print(f"| {name} | {r['records']:,} | {e['precision']:.4f} | {e['recall']:.4f} | {e['f1']:.4f} | {e['b_cubed']['f1']:.4f} | {end-start:.2f} s |")
PY
  grep -h "left blank" "$work/$set.convert.log" | sed "s/^ */  ($set) /" >&2 || true
done
