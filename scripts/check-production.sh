#!/usr/bin/env bash
# Proves README's production path on a clean copy of the repository (issue 11, part 3; issue 12):
#   copy the tracked files → install (npm ci, or a hard-linked copy of ./node_modules with --fast)
#   → npm run build → npm prune --omit=dev (dev dependencies really gone) → NODE_ENV=production
#   node server.mjs → /healthz, /readyz, /metrics, odd requests → `npm run kl -- create-admin` prints an
#   invitation link → SIGTERM while a request is in flight: the request completes, the process exits 0,
#   the SQLite database is closed cleanly (no -wal file left).
#   bash scripts/check-production.sh [--fast] [--reuse-build]
#     --fast         hard-link ./node_modules instead of `npm ci` (same lockfile; saves the download)
#     --reuse-build  copy ./build instead of building again (only for local runs; CI builds)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fast=0; reuse=0
for a in "$@"; do
  case "$a" in --fast) fast=1 ;; --reuse-build) reuse=1 ;; *) echo "unknown option $a" >&2; exit 2 ;; esac
done
port="${KL_CHECK_PORT:-4391}"
tmp="$(mktemp -d /tmp/kl-production.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
step() { echo "production check: $*"; }
fail() { echo "production check FAILED: $*" >&2; [ -f "$tmp/server.log" ] && tail -5 "$tmp/server.log" | cut -c1-400 >&2; exit 1; }

step "clean copy of the tracked files into $tmp/app"
mkdir -p "$tmp/app"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} sh -c 'test -e "{}" && cp --parents -p "{}" "$0"' "$tmp/app")
cd "$tmp/app"
test ! -e node_modules || fail "the copy must not contain node_modules"

if [ "$fast" = 1 ]; then
  step "node_modules as a hard-linked copy (--fast)"
  cp -al "$root/node_modules" node_modules
else
  step "npm ci (deploy/container-build.sh install)"
  sh deploy/container-build.sh install
fi

if [ "$reuse" = 1 ] && [ -f "$root/build/handler.js" ] && [ -f "$root/build/cli/cli.js" ]; then
  step "reusing ./build (--reuse-build)"
  cp -a "$root/build" build
else
  step "npm run build (deploy/container-build.sh build)"
  sh deploy/container-build.sh build
fi
test -f build/handler.js || fail "build/handler.js missing"
test -f build/cli/cli.js || fail "build/cli/cli.js missing"

step "npm prune --omit=dev (deploy/container-build.sh prune)"
sh deploy/container-build.sh prune
for dev in vite tsx svelte @sveltejs/kit vitest typescript @playwright/test; do
  test ! -e "node_modules/$dev" || fail "dev dependency $dev is still installed"
done
test -e node_modules/better-sqlite3 || fail "runtime dependency better-sqlite3 missing"

step "run-stage layout: only what the Containerfile's run stage copies"
mkdir -p "$tmp/run"
while read -r line; do
  # COPY --from=build --chown=… SRC… DEST  (paths under /app; DEST relative to WORKDIR /app)
  read -r -a words <<<"$line"
  dest="${words[${#words[@]}-1]}"
  for src in "${words[@]:3:${#words[@]}-4}"; do
    rel="${src#/app/}"
    if [ "${dest%/}" != "$dest" ]; then mkdir -p "$tmp/run/$dest" && cp -a "$rel" "$tmp/run/$dest";
    else mkdir -p "$(dirname "$tmp/run/$dest")" && cp -a "$rel" "$tmp/run/$dest"; fi
  done
done < <(grep '^COPY --from=build' Containerfile)
cd "$tmp/run"
echo "  $(ls | tr '\n' ' ')"

export NODE_ENV=production
export SECRET_KEY="production-check-secret-key-0123456789abcdef"
export ORIGIN="http://127.0.0.1:$port"
export PORT="$port" HOST=127.0.0.1
export DATABASE_URL="sqlite:$tmp/data/kreativlotse.db"
export LOG_LEVEL=info

step "npm run kl -- migrate (before the first start)"
npm run --silent kl -- migrate >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log"; fail "migrate"; }

step "NODE_ENV=production node server.mjs on port $port"
node server.mjs >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited"
  sleep 0.2
done
node deploy/healthcheck.mjs || fail "the container HEALTHCHECK command fails"
health="$(curl -fsS "http://127.0.0.1:$port/healthz")" || fail "/healthz does not answer"
echo "  /healthz: $health"
ready="$(curl -fsS "http://127.0.0.1:$port/readyz")" || fail "/readyz not ready"
echo "  /readyz: $ready"
grep -q '"migrations":"current"' <<<"$ready" || fail "/readyz: migrations not current"
metrics="$(curl -fsS "http://127.0.0.1:$port/metrics")" || fail "/metrics does not answer a loopback client"
grep -q '^kreativlotse_http_requests_total{' <<<"$metrics" || fail "/metrics has no request series"
echo "  /metrics: $(grep -c '^kreativlotse_' <<<"$metrics") series"
code="$(curl -s -o /dev/null -w '%{http_code}' -X TRACE "http://127.0.0.1:$port/")"
[ "$code" = 405 ] || fail "TRACE answered $code, not 405"
code="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "origin: $ORIGIN" -H 'content-type: application/x-www-form-urlencoded' --data 'a=1' "http://127.0.0.1:$port/anmelden?/default")"
[ "$code" -ge 400 ] && [ "$code" -lt 500 ] || fail "POST ?/default answered $code"
echo "  TRACE → 405, POST ?/default → $code"
grep -q '"route":"/anmelden"' "$tmp/server.log" || fail "no JSON request log line with the route"

step "npm run kl -- create-admin (no tsx, no dev dependencies)"
out="$(npm run --silent kl -- create-admin --email admin@example.org --name 'Erste Administratorin' 2>&1)" || { echo "$out"; fail "create-admin"; }
echo "$out" | sed 's/^/  /'
grep -Eq "^  http://127\.0\.0\.1:$port/[^ ]+" <<<"$out" || fail "create-admin printed no invitation link"

step "backup while running; restore refused while running"
npm run --silent kl -- backup "$tmp/backup.db" >/dev/null || fail "backup"
if out="$(npm run --silent kl -- restore "$tmp/backup.db" 2>&1)"; then fail "restore ran while the app runs"; fi
grep -q 'stop it first' <<<"$out" || fail "restore refused for another reason: $out"
echo "  $out"

step "SIGTERM with a request in flight"
node "$root/scripts/check-shutdown.mjs" "$pid" "$port" || fail "graceful shutdown"
wait "$pid" && status=0 || status=$?
pid=""
[ "$status" = 0 ] || fail "the server exited with $status after SIGTERM"
test ! -e "$tmp/data/kreativlotse.db-wal" || fail "the database was not closed (WAL file left)"
grep -q '"msg":"shutting down"' "$tmp/server.log" || fail "no shutdown log line"

step "restore after the stop"
npm run --silent kl -- restore "$tmp/backup.db" | sed 's/^/  /' || fail "restore after the stop"
echo "production check: ok"
