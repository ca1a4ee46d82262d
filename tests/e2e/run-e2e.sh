#!/usr/bin/env bash
# End-to-end browser tests: builds a small synthetic force into a temporary store, adds a test
# user, starts the real `rasso serve` on a free loopback port, runs the Playwright specs in this
# folder in Debian's headless Chromium, and stops the server. Screenshots and failure traces go to
# the artefacts folder.
#
#   tests/e2e/run-e2e.sh RASSO_BINARY ARTIFACTS_DIR
#
# Exit status: Playwright's (0 all passed), 2 for bad arguments, 3 when the set-up fails, and 77
# (ctest's "skipped") only when this machine cannot run a browser test at all: no Chromium, a
# Node.js older than Playwright needs, or a rasso built without the server.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 RASSO_BINARY ARTIFACTS_DIR" >&2
  exit 2
fi
rasso=$(realpath "$1")
artifacts=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
chromium=${RASSO_E2E_CHROMIUM:-/usr/bin/chromium}

if [[ ! -x $chromium ]]; then
  echo "e2e: skipped: no Chromium at $chromium (scripts/install-deps installs it)"
  exit 77
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if (( node_major < 20 )); then
  echo "e2e: skipped: Playwright needs Node.js 20 or later (found ${node_major})"
  exit 77
fi
if ! "$rasso" --help 2>/dev/null | grep -Eq '^ +serve( |$)' || ! "$rasso" --help 2>/dev/null | grep -Eq '^ +user( |$)'; then
  echo "e2e: skipped: this rasso has no 'serve' or 'user' command"
  exit 77
fi
if [[ ! -f $repo/web/dist/index.html || ! -x $repo/web/node_modules/.bin/playwright ]]; then
  "$repo/scripts/build-web"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/rasso-e2e.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

setup() {
  echo "e2e: $*" >&2
  if ! "$@" >>"$work/setup.log" 2>&1; then
    echo "e2e: set-up failed: $*" >&2
    tail -n 30 "$work/setup.log" >&2
    exit 3
  fi
}

rm -rf "$artifacts"
mkdir -p "$artifacts"
store=$work/store.db
today=$(date -u +%F)
# A small force whose data runs up to today, so the worklists hold current work.
setup "$rasso" generate --crimes 300 --seed 2024 --forces WD --as-of "$today" --out "$work/extract"
setup "$rasso" import "$work/extract" --db "$store"
setup "$rasso" link --db "$store"
# The recommendations tracker starts with the fourteen HMICFRS 2024 recommendations (the shipped
# copy of ../shared/data/hmicfrs-2024-recommendations.csv), as `rasso recommendations import` does.
setup "$rasso" recommendations import "$repo/data/reference/governance/hmicfrs-2024-recommendations.csv" --db "$store"

username=e2e-admin
password="e2e-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
cat >"$work/rasso.toml" <<TOML
[security]
# The cheapest argon2id cost libsodium allows: these users exist for one test run.
argon2_ops_limit = 1
argon2_mem_limit_kib = 8
TOML
echo "$password" | setup "$rasso" user add "$username" --role administrator --role investigator --role supervisor \
  --force WD --name "E2E Test Sergeant" --password-stdin --config "$work/rasso.toml" --db "$store"
# A scrutiny panel member: reads the tracker and the pseudonymised samples, changes nothing.
scrutiny_username=e2e-scrutiny
scrutiny_password="e2e-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$scrutiny_password" | setup "$rasso" user add "$scrutiny_username" --role scrutiny \
  --force WD --name "E2E Panel Member" --password-stdin --config "$work/rasso.toml" --db "$store"

"$rasso" serve --db "$store" --listen 127.0.0.1:0 --web-dir "$repo/web/dist" --config "$work/rasso.toml" \
  >"$work/server.out" 2>"$artifacts/server.log" &
server_pid=$!
base_url=""
for _ in $(seq 300); do
  if [[ -s $work/server.out ]]; then
    base_url=$(head -n 1 "$work/server.out" | sed -n 's#^listening on \(https\{0,1\}://[0-9.:]*\).*#\1#p')
    [[ -n $base_url ]] && break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [[ -z $base_url ]]; then
  echo "e2e: rasso serve did not say where it listens; its log:" >&2
  cat "$work/server.out" "$artifacts/server.log" >&2 || true
  exit 3
fi
echo "e2e: rasso serve is listening on $base_url"

cd "$here"
status=0
RASSO_E2E_BASE_URL=$base_url RASSO_E2E_ARTIFACTS=$artifacts RASSO_E2E_USERNAME=$username RASSO_E2E_PASSWORD=$password \
  RASSO_E2E_SCRUTINY_USERNAME=$scrutiny_username RASSO_E2E_SCRUTINY_PASSWORD=$scrutiny_password \
  RASSO_E2E_CHROMIUM=$chromium PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  "$repo/web/node_modules/.bin/playwright" test --config "$here/playwright.config.mjs" || status=$?
echo "e2e: screenshots and the server log are in $artifacts"
exit "$status"
