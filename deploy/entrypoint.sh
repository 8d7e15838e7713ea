#!/bin/sh
# The image's entry point (Dockerfile): its first argument chooses the process.
#   gateway (default)        the API and the web app, on GATEWAY_PORT (4000)
#   <subgraph>               one subgraph, on its <NAME>_PORT (README, "Configuration")
#   subgraphs                every subgraph in one process, each on its port: the small deployment
#                            (docs/operations.md, "One machine")
#   migrate                  every subgraph's migrations, then exit (docs/operations.md, "Migrations")
#   healthcheck URL          exit 0 when URL answers 2xx within 3 s (the image has no curl)
#   anything else            run as a command, e.g. `sh`
set -eu
cd /app
process="${1:-gateway}"
[ "$#" -gt 0 ] && shift
case "$process" in
  gateway)
    # GATEWAY_NODE_ARGS in scripts/portal-processes.ts: why the gateway's young generation is small.
    exec node --max-semi-space-size=4 dist/gateway/src/main.js "$@"
    ;;
  migrate)
    exec node dist/scripts/migrate.js "$@"
    ;;
  affiliates | appointments | automation | billing | communities | courses | documents | identity)
    exec node "dist/subgraphs/$process/src/main.js" "$@"
    ;;
  subgraphs)
    exec node dist/scripts/subgraph-host.js "$@"
    ;;
  healthcheck)
    exec node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(3000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$@"
    ;;
  *)
    exec "$process" "$@"
    ;;
esac
