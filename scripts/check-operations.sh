#!/usr/bin/env bash
# Checks the operations files (docs/operations.md) as far as this machine allows:
#   - deploy/kreativlotse.service passes `systemd-analyze verify` without a single warning, and its
#     restart policy is on-failure (kill -9 counts as failure);
#   - deploy/nginx.conf passes `nginx -t` (with a throwaway self-signed certificate);
#   - the Containerfile is multi-stage on the official Node 20 image, runs as a non-root user, has a
#     HEALTHCHECK, and builds with deploy/container-build.sh (which scripts/check-production.sh runs);
#   - the unit and the Containerfile set the memory settings `npm start` gets from scripts/launch-env.mjs.
# A tool that is not installed is skipped with the reason printed; CI (.ci/run) installs both.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d /tmp/kl-ops.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "operations check FAILED: $*" >&2; exit 1; }

unit=deploy/kreativlotse.service
if command -v systemd-analyze >/dev/null 2>&1; then
  out="$(systemd-analyze verify "$unit" 2>&1)" || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify printed warnings: $out"
  echo "operations: $unit passes systemd-analyze verify"
  exposure="$(systemd-analyze security --offline=true "$unit" 2>/dev/null | tail -1 || true)"
  [ -n "$exposure" ] && echo "operations: $exposure"
else
  echo "operations: systemd-analyze not installed — unit file not verified (CI installs systemd)"
fi
grep -qx 'Restart=on-failure' "$unit" || fail "$unit: Restart=on-failure missing"
grep -qx 'KillSignal=SIGTERM' "$unit" || fail "$unit: KillSignal=SIGTERM missing"
grep -q '^User=' "$unit" || fail "$unit: no dedicated user"

if command -v nginx >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=kreativlotse.example.org \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1
  sed -e "s#/etc/letsencrypt/live/kreativlotse.example.org/fullchain.pem#$tmp/cert.pem#" \
      -e "s#/etc/letsencrypt/live/kreativlotse.example.org/privkey.pem#$tmp/key.pem#" deploy/nginx.conf >"$tmp/site.conf"
  cat >"$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $tmp; proxy_temp_path $tmp; fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;
  include $tmp/site.conf;
}
CONF
  out="$(nginx -t -q -c "$tmp/nginx.conf" -e "$tmp/error.log" 2>&1)" || fail "nginx -t: $out"
  echo "operations: deploy/nginx.conf passes nginx -t"
else
  echo "operations: nginx not installed — deploy/nginx.conf not checked (CI installs nginx-light)"
fi

cf=Containerfile
grep -Eq '^FROM docker\.io/library/node:20[-a-z]* AS build' "$cf" || fail "$cf: build stage is not the official Node 20 image"
grep -Eq '^FROM docker\.io/library/node:20[-a-z]* AS run' "$cf" || fail "$cf: run stage is not the official Node 20 image"
grep -Eq '^USER (node|[1-9][0-9]*)$' "$cf" || fail "$cf: does not switch to a non-root user"
grep -q '^HEALTHCHECK .*deploy/healthcheck.mjs' "$cf" || fail "$cf: no HEALTHCHECK"
for phase in install build prune; do
  grep -q "sh deploy/container-build.sh $phase" "$cf" || fail "$cf: does not run deploy/container-build.sh $phase"
done
while read -r src; do
  [ -e "${src#/app/}" ] || [ "${src#/app/}" = node_modules ] || [ "${src#/app/}" = build ] || fail "$cf copies $src, which does not exist"
done < <(grep '^COPY --from=build' "$cf" | tr ' ' '\n' | grep '^/app/')
echo "operations: $cf is multi-stage on node:20, non-root, with a HEALTHCHECK"

# The memory settings (docs/operations.md, "Memory") are read at process start, so the unit and the
# image write them out; scripts/launch-env.mjs is where their values live, and a fast-mode start gets none.
settings="$(node --input-type=module -e "import { launchEnv } from './scripts/launch-env.mjs';
if (Object.keys(launchEnv({ HEAP_MODE: 'fast' })).length !== 1) process.exit(1);
for (const [k, v] of Object.entries(launchEnv({}))) console.log(k + '=' + v);")" || fail "scripts/launch-env.mjs changes a HEAP_MODE=fast start"
[ -n "$settings" ] || fail "scripts/launch-env.mjs gives no settings"
while read -r setting; do
  grep -qx "Environment=$setting" "$unit" || fail "$unit: Environment=$setting missing (scripts/launch-env.mjs)"
  grep -Eq "^(ENV )? *$setting( \\\\)?\$" "$cf" || fail "$cf: ENV $setting missing (scripts/launch-env.mjs)"
done <<<"$settings"
echo "operations: $unit and $cf set the memory settings of scripts/launch-env.mjs ($(echo $settings))"
echo "operations: ok"
