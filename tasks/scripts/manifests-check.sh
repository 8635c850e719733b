#!/usr/bin/env bash
# Offline checks of argocd/: every kustomize folder renders, every
# Application points at a folder that exists, every folder is used by an
# Application, and each Application file is named after the app.
set -euo pipefail
source "$BLUMEOPS_ROOT/tasks/scripts/lib.sh"

cd "$BLUMEOPS_ROOT"
shopt -s nullglob
problems=0
declare -A used=()

for dir in argocd/manifests/*/; do
  dir=${dir%/}
  if err=$(kubectl kustomize "$dir" 2>&1 >/dev/null); then
    ok "$dir renders"
  else
    fail "$dir does not render"
    printf '%s\n' "$err" | sed 's/^/    /'
    problems=$((problems + 1))
  fi
done

for file in argocd/apps/*.yaml; do
  name=$(basename "$file" .yaml)
  read -r dest ns path < <(app_fields "$file")
  declared=$(awk '/^metadata:/ { m = 1; next } m && /^  name:/ { print $2; exit }' "$file")
  if [[ $declared != "$name" ]]; then
    fail "$file declares metadata.name ${declared:-<none>}, expected $name"
    problems=$((problems + 1))
  fi
  if [[ -z $path || -z $dest ]]; then
    fail "$file has no spec.source.path or spec.destination.name"
    problems=$((problems + 1))
  elif [[ ! -d $path ]]; then
    fail "$file: path $path does not exist"
    problems=$((problems + 1))
  else
    ok "$file → $path ($dest)"
    used[$path]=1
  fi
done

for dir in argocd/manifests/*/; do
  dir=${dir%/}
  if [[ -z ${used[$dir]:-} ]]; then
    fail "$dir is not referenced by any Application"
    problems=$((problems + 1))
  fi
done

echo
if ((problems)); then
  fail "$problems problem(s) in argocd/"
  exit 1
fi
ok "argocd/ is consistent"
