#!/usr/bin/env bash
# The scan step of action.yml: `srlens scan` (the build in this action's folder) with every finding
# in the log and its summary line in the job summary, then the SARIF for code scanning. Inputs
# come in environment variables: SRLENS_PATHS, SRLENS_FAIL_ON, SRLENS_CONFIG, SRLENS_VAR_FILES
# (space- or newline-separated lists) and SRLENS_SARIF (where to write). Exit code 2 (srlens could
# not run) fails the step; findings at or above fail-on are left to the action's last step, after
# the upload.
set -uo pipefail
SRLENS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/dist/cli.js"

# Lists split on white space, without glob expansion; `--` keeps a path from reading as an option.
set -f
# shellcheck disable=SC2206
paths=(${SRLENS_PATHS:-.})
# shellcheck disable=SC2206
var_files=(${SRLENS_VAR_FILES:-})
set +f
[ ${#paths[@]} -gt 0 ] || paths=(.)
options=()
[ -n "${SRLENS_CONFIG:-}" ] && options+=(--config "$SRLENS_CONFIG")
for file in "${var_files[@]}"; do options+=(--var-file "$file"); done

log=$(mktemp)
node "$SRLENS" scan "${options[@]}" --no-color --fail-on "${SRLENS_FAIL_ON:-error}" -- "${paths[@]}" | tee "$log"
code=${PIPESTATUS[0]}
if [ "$code" -ge 2 ]; then
  echo "::error title=srlens scan::srlens scan could not run (exit code $code): see the log above."
  exit "$code"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  printf '### Shared Responsibility Lens\n\n%s\n\n' "$(tail -n 1 "$log")" >>"$GITHUB_STEP_SUMMARY"
fi

node "$SRLENS" scan "${options[@]}" --format sarif --fail-on none -- "${paths[@]}" >"$SRLENS_SARIF" || {
  echo "::error title=srlens scan::srlens scan could not write SARIF."
  exit 2
}
{
  echo "sarif-file=$SRLENS_SARIF"
  echo "exit-code=$code"
} >>"${GITHUB_OUTPUT:-/dev/null}"
exit 0
