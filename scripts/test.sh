#!/usr/bin/env bash
# The project's test command (README.md; .ci/run calls exactly this): installs the native
# dependencies when missing, builds, runs every xunit project, and ends with one summary line
# "N passed, N failed, N skipped" added up over all test assemblies.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test CircuitNeuro.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet prints one "Passed!/Failed! - Failed: F, Passed: P, Skipped: S, Total: T" line per assembly.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  f += $(i + 1) + 0
      if ($i == "Passed:")  p += $(i + 1) + 0
      if ($i == "Skipped:") s += $(i + 1) + 0
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "test: no test ran" >&2
    exit 1
fi
exit "$status"
