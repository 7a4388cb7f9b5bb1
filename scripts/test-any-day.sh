#!/usr/bin/env bash
# The whole suite under shifted machine clocks (Debian's faketime shifts Node and Chromium alike), to prove
# that no test reads the wall clock: every test runs at the fixed instant vitest.config.ts gives
# (BACKOFFICE_NOW), whatever day the machine says. CI runs the suite at the real date; run this after a change
# that touches time, fixtures or the test harness.
#
#   bash scripts/test-any-day.sh                      # the default dates below
#   bash scripts/test-any-day.sh 2049-12-31 2030-01-01 # dates of your own (YYYY-MM-DD, run at 10:00)
#   VITEST_ARGS="test/e2e" bash scripts/test-any-day.sh  # only some test files
set -uo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null 2>&1 || { echo "faketime is not installed (Debian: apt-get install faketime)" >&2; exit 2; }
dates=("$@")
# New Year, a holiday in Golden Week, a leap day, the last day the suite must pass on, and the first.
[ ${#dates[@]} -gt 0 ] || dates=(2027-01-01 2027-05-04 2028-02-29 2049-12-31 2024-01-01)
failed=()
for day in "${dates[@]}"; do
  echo "=== npm test with the machine's clock at ${day} 10:00:00"
  # shellcheck disable=SC2086
  if ! faketime "${day} 10:00:00" npx vitest run ${VITEST_ARGS:-}; then failed+=("$day"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED on: ${failed[*]}" >&2
  exit 1
fi
echo "passed on every date: ${dates[*]}"
