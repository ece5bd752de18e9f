#!/bin/sh
# The build steps of the Containerfile, as plain shell so CI runs exactly the same commands
# (scripts/check-production.sh) on a machine without a container engine.
#   sh deploy/container-build.sh install|build|prune
set -eu
case "${1:-}" in
  install) npm ci --no-audit --no-fund --loglevel=error ;;
  # The app (build/) and the command line bundle (build/cli/cli.js) — no dev dependency at run time.
  build) npm run build --silent >/dev/null ;;
  # Drop dev dependencies: what remains is what runs (server.mjs, build/, production node_modules).
  prune) npm prune --omit=dev --no-audit --no-fund --loglevel=error ;;
  *) echo "usage: sh deploy/container-build.sh install|build|prune" >&2; exit 2 ;;
esac
