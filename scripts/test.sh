#!/usr/bin/env bash
# The whole test suite: types, unit + integration (real Postgres, real sandbox),
# the trainer on CPU, and end-to-end in Chromium against the app as `npm start` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh --test
[ -d node_modules/.bin ] || npm install --no-audit --no-fund

echo "== types"
npm run --silent typecheck
echo "== lint (eslint: typescript-eslint, React hooks, the layering's import rules; eslint.config.js)"
npx eslint .
echo "== formatting (prettier --check; npm run format rewrites)"
npx prettier --check . --log-level warn
echo "== unused files, exports and dependencies (knip; knip.json)"
npx knip
echo "== unit tests (vitest project 'unit': no PostgreSQL, no processes)"
npx vitest run --project unit
echo "== integration tests (vitest project 'integration': real PostgreSQL, real sandbox)"
npx vitest run --project integration
echo "== Python lint (ruff, its WebAssembly build from npm; settings in trainer/pyproject.toml)"
npx tsx scripts/lint-python.ts
echo "== trainer tests (pytest, CPU)"
/usr/bin/python3 -m pytest trainer/tests -q -p no:cacheprovider
echo "== end-to-end tests (playwright, chromium)"
# a fresh database for the app under test: `npm start` seeds it with the demo data and a demo run
rm -rf .data/e2e
npx playwright test
