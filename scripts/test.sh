#!/usr/bin/env bash
# The project's tests: type check, lint, unit tests (PKI, mock, mail, config, reporting), the
# meta tests (the journey must fail against a broken mock), the e2e suite against the
# embedded mock with the redaction scan of its outputs, and the catalogue coverage check. Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
node_modules/.bin/tsx certs/cli.ts || exit 1
export REPORTS_DIR="${REPORTS_DIR:-reports}"
mkdir -p "$REPORTS_DIR"
failed=0

echo "== type check"
node_modules/.bin/tsc -p . || failed=1

echo "== lint"
node_modules/.bin/eslint . --max-warnings 0 || failed=1

echo "== unit, integration and meta tests"
# integration: whole processes (the staging double, IMAP, shards) on loopback, one at a time.
shopt -s nullglob
node --import tsx --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$REPORTS_DIR/unit-junit.xml" \
  tests/unit/*.test.ts tests/integration/*.test.ts tests/meta/*.test.ts || failed=1
shopt -u nullglob

echo "== e2e suite (TARGET=${TARGET:-mock}), traces and evidence on, then the redaction scan of all it wrote"
# One run serves both: the suite's verdict (results.json, read by the summary below) and
# the proof that no password, OTP or PIN it typed reached a log, trace, report or image.
node_modules/.bin/tsx scripts/redaction-scan.ts "$@" || failed=1

echo "== catalogue coverage"
node_modules/.bin/tsx scripts/coverage.ts || failed=1

node_modules/.bin/tsx scripts/summary.ts "$REPORTS_DIR" || failed=1
exit $failed
