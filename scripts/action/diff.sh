#!/usr/bin/env bash
# The pull-request step of action.yml: `srlens diff` from the merge base of the pull request's
# base commit (SRLENS_BASE_SHA) to the checked-out tree, as Markdown in the job summary. It informs
# and never fails the job: when the base is not in the clone (actions/checkout needs
# `fetch-depth: 0`), the summary and a warning say so. SRLENS_PATHS, SRLENS_CONFIG and
# SRLENS_LINK_BASE (links to the head's lines) as in scan.sh.
set -uo pipefail
SRLENS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/dist/cli.js"
SUMMARY=${GITHUB_STEP_SUMMARY:-/dev/stdout}

set -f
# shellcheck disable=SC2206
paths=(${SRLENS_PATHS:-.})
set +f
[ ${#paths[@]} -gt 0 ] || paths=(.)
options=()
[ -n "${SRLENS_CONFIG:-}" ] && options+=(--config "$SRLENS_CONFIG")
[ -n "${SRLENS_LINK_BASE:-}" ] && options+=(--link-base "$SRLENS_LINK_BASE")

if [ -z "${SRLENS_BASE_SHA:-}" ]; then
  echo "::notice title=srlens diff::no pull-request base commit: nothing to compare."
  exit 0
fi
base=$(git merge-base "$SRLENS_BASE_SHA" HEAD 2>/dev/null) || base=$SRLENS_BASE_SHA

report=$(mktemp)
errors=$(mktemp)
node "$SRLENS" diff --base "$base" --format markdown "${options[@]}" -- "${paths[@]}" >"$report" 2>"$errors"
code=$?
cat "$errors" >&2
if [ "$code" -ge 2 ]; then
  reason=$(grep -v '^srlens: compared' "$errors" | head -n 1 | sed 's/^srlens: //')
  echo "::warning title=srlens diff::could not compare with the pull request's base: $reason"
  printf '### What this pull request shifts\n\nsrlens diff could not compare: %s\n' "$reason" >>"$SUMMARY"
  exit 0
fi
cat "$report" >>"$SUMMARY"
