#!/usr/bin/env bash
# The main job: the whole onboarding suite against TARGET (the embedded mock unless .env
# says otherwise), then the reports. Extra arguments go to `playwright test`
# (e.g. `npm run onboarding -- --grep @EG18-1-2`).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
# `npm run onboarding -- --merge <shard dir>…`: no run, one set of reports from shards' folders.
if [ "${1:-}" = "--merge" ]; then shift; exec node_modules/.bin/tsx scripts/merge.ts "$@"; fi
node_modules/.bin/tsx certs/cli.ts || exit 1

reports="${REPORTS_DIR:-reports}"
mkdir -p "$reports" && touch "$reports/.run-start"
node_modules/.bin/playwright test "$@"
status=$?

# A shard's reports are made once, by the merge of all shards (docs/sharding.md).
case " $* " in *" --shard"*) echo "shard done: merge the shards' folders with npm run merge -- <dirs…> (blob in $reports/blob-report/)"; exit $status ;; esac
node_modules/.bin/tsx scripts/report.ts || echo "report: the Allure HTML report could not be built" >&2
node_modules/.bin/tsx scripts/coverage.ts || { [ $status -eq 0 ] && status=1; }

echo
echo "Reports:"
echo "  Playwright HTML  $reports/playwright-report/index.html   (npx playwright show-report $reports/playwright-report)"
echo "  Allure results   $reports/allure-results/"
[ -f "$reports/allure-report/index.html" ] && echo "  Allure HTML      $reports/allure-report/index.html"
[ "$reports/evidence/index.html" -nt "$reports/.run-start" ] && echo "  Evidence pack    $reports/evidence/index.html"
exit $status
