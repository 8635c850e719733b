#!/usr/bin/env bash
# Towncrier fragments in docs/changelog.d must be named
# <name>.<type>.md (optionally <name>.<type>.<n>.md, and <name> may start
# with "+" for an orphan fragment), with a <type> from towncrier.toml, and
# must not be empty.
set -euo pipefail
source "$BLUMEOPS_ROOT/tasks/scripts/lib.sh"

cd "$BLUMEOPS_ROOT"
config=towncrier.toml
dir=docs/changelog.d
[[ -f $config ]] || die "$config not found"
[[ -d $dir ]] || die "$dir not found"

# The fragment types are the `directory = "..."` entries of the
# [[tool.towncrier.type]] tables.
mapfile -t types < <(awk '
  /^\[\[tool\.towncrier\.type\]\]/ { t = 1; next }
  /^\[/ { t = 0 }
  t && /^directory *=/ { gsub(/.*= *"|".*/, ""); print }
' "$config")
((${#types[@]})) || die "no [[tool.towncrier.type]] entries in $config"
type_re=$(IFS='|'; echo "${types[*]}")

problems=0 count=0
shopt -s nullglob dotglob
for path in "$dir"/*; do
  file=$(basename "$path")
  [[ $file == .gitkeep ]] && continue
  count=$((count + 1))
  if [[ ! $file =~ ^\+?[A-Za-z0-9][A-Za-z0-9_-]*\.($type_re)(\.[0-9]+)?\.md$ ]]; then
    fail "$path: expected <name>.<type>.md with type one of: ${types[*]}"
    problems=$((problems + 1))
  elif [[ ! -s $path ]] || ! grep -q '[^[:space:]]' "$path"; then
    fail "$path is empty"
    problems=$((problems + 1))
  fi
done

if ((problems)); then
  fail "$problems of $count fragment(s) need fixing"
  exit 1
fi
ok "$count changelog fragment(s) well named"
