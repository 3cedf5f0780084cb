#!/usr/bin/env bash
# Builds the self-contained release archive dist/normscope-VERSION-linux-x86_64.tar.gz: the binary (Swift's
# runtime and Foundation linked in statically, stripped; it needs only libc, libstdc++, ncursesw and zlib),
# README.md, LICENSE, the man page, bash/zsh/fish completions and install.sh.
# The binary runs on any x86-64 CPU with AVX2 and FMA and says so in one line on one without them.
# Usage: scripts/release.sh [OUTPUT_DIR]     (default dist/; check the archive with scripts/check-release.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "release: builds the linux-x86_64 archive only, not on $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

# A scratch path of its own: the static build must not mix with the dynamic one in .build.
scratch=.build-static
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product normscope
binary="$scratch/release/normscope"
version=$("$binary" --version)
name="normscope-$version-linux-x86_64"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir="$stage/$name"
mkdir -p "$dir/completions"
strip -o "$dir/normscope" "$binary"
cp README.md LICENSE scripts/install.sh "$dir/"
scripts/make-manpage.sh "$dir/normscope" > "$dir/normscope.1"
"$dir/normscope" --generate-completion-script bash > "$dir/completions/normscope.bash"
"$dir/normscope" --generate-completion-script zsh > "$dir/completions/_normscope"
"$dir/normscope" --generate-completion-script fish > "$dir/completions/normscope.fish"

mkdir -p "$out"
archive="$out/$name.tar.gz"
# Owner, group and modification times fixed: the same build gives the same archive.
tar -C "$stage" --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' --sort=name -czf "$archive" "$name"
echo "release: $archive ($(du -h "$archive" | cut -f1); binary $(du -h "$dir/normscope" | cut -f1))"
