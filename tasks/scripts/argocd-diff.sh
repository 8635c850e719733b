#!/usr/bin/env bash
# Show what `argocd-sync` would change: render each Application's
# kustomize folder from the working tree and diff it against its live
# cluster with `kubectl diff` (server-side dry run; nothing is applied).
#
#   argocd-diff.sh [--exit-code] [APP]
#
# The blumeops task passes its parameters as usage_app and
# usage_exit_code instead. Exit 0 after printing any differences; with
# --exit-code, exit 1 when something differs (for CI drift checks).
# Errors exit 2.
set -euo pipefail
source "$BLUMEOPS_ROOT/tasks/scripts/lib.sh"

case ${usage_exit_code:-false} in
  true | 1 | yes) exit_code=true ;;
  *) exit_code=false ;;
esac
if [[ ${1:-} == --exit-code ]]; then exit_code=true; shift; fi
only=${1:-${usage_app:-}}

cd "$BLUMEOPS_ROOT"
shopt -s nullglob
apps=(argocd/apps/*.yaml)
((${#apps[@]})) || die "no Applications in argocd/apps"

differs=() found=false
for file in "${apps[@]}"; do
  name=$(basename "$file" .yaml)
  [[ $name == root ]] && continue
  [[ -n $only && $name != "$only" ]] && continue
  found=true
  read -r dest ns path < <(app_fields "$file")
  echo "── $name → $dest/$ns"
  rc=0
  kubectl kustomize "$path" | kubectl --context "$dest" diff -n "$ns" --server-side --force-conflicts -f - || rc=$?
  case $rc in
    0) note "in sync" ;;
    1) differs+=("$name") ;;
    *) die "kubectl diff failed for $name (exit $rc)" ;;
  esac
done

$found || die "no Application named ${only}"

if ((${#differs[@]})); then
  echo
  echo "differs: ${differs[*]}"
  $exit_code && exit 1
else
  ok "every Application matches its cluster"
fi
exit 0
