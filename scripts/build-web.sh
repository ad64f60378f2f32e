#!/usr/bin/env bash
# Rebuilds physarch serve's page (web/: Vite + TypeScript, Mermaid from
# npm) into internal/serve/dist, which is committed so that `go build`
# alone serves it. npm ci installs exactly web/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund
npm run build
