#!/usr/bin/env bash
# Runs every suite: build, typecheck, lint, unit + PostgreSQL tests (jest), browser tests (Playwright + Chromium),
# the compose file check and a benchmark smoke run. Installs Chromium and PostgreSQL from Debian when missing.
# Ends with one line "N passed, N failed" summing all suites; exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
passed=0
failed=0
skipped=0

check() { # name, command...: a whole step counted as one check
  local name=$1; shift
  local started=$SECONDS
  if "$@" > "artifacts/$name.log" 2>&1; then
    passed=$((passed + 1)); echo "ok    $name ($((SECONDS - started)) s)"
  else
    failed=$((failed + 1)); echo "FAIL  $name ($((SECONDS - started)) s) — last lines of artifacts/$name.log:"; tail -n 40 "artifacts/$name.log"
  fi
}

need=()
command -v chromium > /dev/null || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1 || need+=(postgresql)
command -v docker-compose > /dev/null || need+=(docker-compose)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" > artifacts/apt.log 2>&1 \
      || { echo "apt-get install failed, see artifacts/apt.log"; tail -n 20 artifacts/apt.log; }
  else
    echo "run as root, or: sudo apt-get install -y ${need[*]}"
  fi
fi

check build npm run --silent build
check build-sandbox npm run --silent build:sandbox
check typecheck npm run --silent typecheck
check lint npx eslint --max-warnings=-1 .

# jest: unit tests and real-PostgreSQL integration tests
started=$SECONDS
npx jest --ci --maxWorkers 2 --json --outputFile artifacts/jest.json > artifacts/jest.log 2>&1
jest_status=$?
if [ -f artifacts/jest.json ]; then
  read -r jp jf jsk js < <(node -e 'const r=require("./artifacts/jest.json");console.log(r.numPassedTests,r.numFailedTests+r.numRuntimeErrorTestSuites,r.numPendingTests+r.numTodoTests,r.numTotalTestSuites)')
  passed=$((passed + jp)); failed=$((failed + jf)); skipped=$((skipped + jsk))
  echo "jest: $jp passed, $jf failed, $jsk skipped in $js suites ($((SECONDS - started)) s)"
  [ "$jf" -gt 0 ] || [ $jest_status -ne 0 ] && grep -E "●|FAIL" artifacts/jest.log | head -n 40
  [ $jest_status -ne 0 ] && [ "$jf" -eq 0 ] && { failed=$((failed + 1)); echo "jest exited $jest_status"; tail -n 30 artifacts/jest.log; }
else
  failed=$((failed + 1)); echo "FAIL  jest produced no report"; tail -n 40 artifacts/jest.log
fi

# Playwright: the built plugins in the sandbox, in Debian's Chromium
started=$SECONDS
rm -f artifacts/e2e-report.json
# One retry, always (not only when CI is set): the 2-core machine is noisy; a test that needed it is reported as flaky.
npx playwright test -c e2e/playwright.config.ts --retries 1 > artifacts/e2e.log 2>&1
e2e_status=$?
if [ -f artifacts/e2e-report.json ]; then
  read -r ep ef efl esk < <(node -e 'const s=require("./artifacts/e2e-report.json").stats;console.log(s.expected+s.flaky,s.unexpected,s.flaky,s.skipped)')
  passed=$((passed + ep)); failed=$((failed + ef)); skipped=$((skipped + esk))
  echo "e2e: $ep passed ($efl of them only on retry: flaky), $ef failed, $esk skipped ($((SECONDS - started)) s)"
  if [ $e2e_status -ne 0 ]; then
    grep -vE "^\s*$" artifacts/e2e.log | tail -n 60
    [ "$ef" -eq 0 ] && failed=$((failed + 1))
  fi
else
  failed=$((failed + 1)); echo "FAIL  e2e produced no report"; tail -n 40 artifacts/e2e.log
fi

if [ -f docker-compose.yml ]; then
  check compose-config docker-compose -f docker-compose.yml config -q
fi
check bench-smoke npm run --silent bench -- --smoke

echo "total time: $SECONDS s"
echo "skipped (not counted above): $skipped"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
