#!/usr/bin/env bash
# The `srlens` hook of .pre-commit-hooks.yaml. pre-commit passes the hook's `args` and then the
# staged files; this turns each .tf and .tfvars file into its folder (a Terraform module is a
# folder: its files are analysed together), drops duplicates, and runs `srlens scan`.
#
# It runs the srlens of this copy of the repository (the rev pinned in .pre-commit-config.yaml),
# building it on first use (npm ci from the lock file, then the bundle); SRLENS_HOOK_CLI names an
# already built dist/cli.js instead.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli=${SRLENS_HOOK_CLI:-$here/dist/cli.js}

if [ ! -f "$cli" ]; then
  command -v node >/dev/null || {
    echo "srlens hook: Node.js 20.19 or later must be on PATH" >&2
    exit 2
  }
  # One build at a time, even when several repositories commit at once.
  lock="$here/.srlens-hook-build.lock"
  until mkdir "$lock" 2>/dev/null; do sleep 1; done
  trap 'rmdir "$lock"' EXIT
  if [ ! -f "$cli" ]; then
    echo "srlens hook: building srlens in $here (once)" >&2
    (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && node esbuild.mjs --production) >&2
  fi
  rmdir "$lock"
  trap - EXIT
fi

# Options (the hook's `args`) come first; the flags that take a value keep it. The rest are files.
options=()
paths=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --fail-on | --config | --var-file | --var | --max-file-size | --format)
      options+=("$1" "${2:-}")
      shift 2 || shift
      ;;
    -*) options+=("$1") && shift ;;
    *)
      case "$1" in
        *.tf | *.tfvars) path=$(dirname -- "$1") ;;
        *) path=$1 ;;
      esac
      shift
      seen=0
      for p in "${paths[@]}"; do [ "$p" = "$path" ] && seen=1 && break; done
      [ "$seen" = 1 ] || paths+=("$path")
      ;;
  esac
done
[ "${#paths[@]}" -gt 0 ] || exit 0
exec node "$cli" scan "${options[@]}" -- "${paths[@]}"
