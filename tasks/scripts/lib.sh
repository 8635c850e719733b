# Shared helpers for the scripts in tasks/scripts/. Sourced, not run.
# shellcheck shell=bash

: "${BLUMEOPS_ROOT:?BLUMEOPS_ROOT is not set; run this through blumeops}"

if [[ -t 1 && -z "${NO_COLOR:-}" && -z "${CI:-}" ]]; then
  c_ok=$'\e[32m' c_fail=$'\e[31m' c_dim=$'\e[2m' c_off=$'\e[0m'
else
  c_ok='' c_fail='' c_dim='' c_off=''
fi

ok()   { printf '%s✓%s %s\n' "$c_ok" "$c_off" "$*"; }
fail() { printf '%s✗%s %s\n' "$c_fail" "$c_off" "$*"; }
note() { printf '%s  %s%s\n' "$c_dim" "$*" "$c_off"; }
die()  { printf 'error: %s\n' "$*" >&2; exit 2; }

# Print "<destination> <namespace> <path>" for an Application manifest.
# The files in argocd/apps are written by hand in one shape, so a small
# awk reader is enough and keeps these scripts free of yq.
app_fields() {
  awk '
    /^  destination:/ { in_dest = 1; next }
    /^  [a-z]/        { in_dest = 0 }
    in_dest && /^    name:/      { dest = $2 }
    in_dest && /^    namespace:/ { ns = $2 }
    /^    path:/                 { path = $2 }
    END { print dest, ns, path }
  ' "$1"
}
