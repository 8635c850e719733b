#!/usr/bin/env bash
# Builds the release binary as the README installs it, strips it, and packs it with its
# completion scripts, man pages and README into dist/blumeops-VERSION-linux-ARCH.tar.gz, with
# the archive's SHA-256 beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."

flags=(-c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie)
swift build "${flags[@]}"
binary="$(swift build "${flags[@]}" --show-bin-path)/blumeops"
version=$("$binary" --version | cut -d' ' -f2)
name="blumeops-$version-linux-$(uname -m)"
# Staged under .build/: dist/ holds only what a release publishes.
stage=".build/dist/$name"

rm -rf "$stage" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p dist
mkdir -p "$stage/completions" "$stage/man"
install -m 755 "$binary" "$stage/blumeops"
strip "$stage/blumeops"
"$stage/blumeops" completion bash > "$stage/completions/blumeops.bash"
"$stage/blumeops" completion zsh > "$stage/completions/_blumeops"
"$stage/blumeops" completion fish > "$stage/completions/blumeops.fish"
# argument-parser's generator, one page per command, from the same declaration as --help (its
# plugin would build the whole package once more; the tool alone is a few seconds).
swift build --product generate-manual >/dev/null
"$(swift build --show-bin-path)/generate-manual" "$stage/blumeops" --multi-page \
  --output-directory "$stage/man"
rm -f "$stage/man/blumeops.task.1"  # the hidden command that runs a task: `blumeops.1` covers it
cp README.md "$stage/"

tar -C .build/dist -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
# What it needs at run time besides the C library: the README says the same.
echo "shared libraries:"
ldd "$stage/blumeops" | awk '{print "  " $1}'
echo "dist/$name.tar.gz"
cat "dist/$name.tar.gz.sha256"
