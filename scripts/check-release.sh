#!/usr/bin/env bash
# Checks a release archive the way a classroom machine meets it: unpacked in an empty directory, run with
# a bare environment and no Swift libraries on the library path, ldd showing no Swift library, the man page
# rendered, the completions loadable, install.sh into a scratch prefix, and, where they are installed, the
# CPU check on older and AVX2-only CPUs played by qemu-x86_64 and the live view drawing in tmux.
# Usage: scripts/check-release.sh dist/normscope-VERSION-linux-x86_64.tar.gz
set -euo pipefail
archive=$(realpath "${1:?usage: scripts/check-release.sh ARCHIVE}")
work=$(mktemp -d)
session="normscope-release-check-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

fail() { echo "check-release: FAILED: $*" >&2; exit 1; }
checked=()  # what was checked besides the files, ldd and the bare runs, for the last line
# bare ARGS...: runs ARGS in the unpacked directory with nothing but PATH in the environment.
bare() { (cd "$dir" && env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$@"); }

tar -C "$work" -xzf "$archive"
dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d)
name=$(basename "$dir")
for f in normscope README.md LICENSE normscope.1 install.sh completions/normscope.bash completions/_normscope \
         completions/normscope.fish; do
    [ -s "$dir/$f" ] || fail "$name lacks $f"
done
[ "$name" = "normscope-$(bare ./normscope --version)-linux-x86_64" ] || fail "$name does not carry the binary's version"

libraries=$(ldd "$dir/normscope")
if grep -qi swift <<<"$libraries"; then fail "the binary loads Swift libraries:"$'\n'"$libraries"; fi
if readelf -S "$dir/normscope" | grep -q '\.symtab'; then fail "the binary is not stripped"; fi

bare ./normscope run --quiet --dataset quick --epochs 2 --hidden 16 -o r.json >/dev/null 2>"$work/err" \
    || fail "run failed in a bare environment: $(cat "$work/err")"
grep -q '"regimes"' "$dir/r.json" || fail "run wrote no results"
bare ./normscope figure r.json -o f.png >/dev/null 2>"$work/err" \
    || fail "figure (a PNG, through zlib) failed in a bare environment: $(cat "$work/err")"

# cpu_check QEMU_CPU STATUS: runs a short training under qemu-x86_64 playing QEMU_CPU and expects STATUS;
# a refusal (69) must be one line on stderr (qemu's own warnings aside), never SIGILL (status 132).
cpu_check() {
    local status=0
    bare qemu-x86_64 -cpu "$1" ./normscope run --quiet --dataset quick --epochs 1 --hidden 16 -o q.json \
        >/dev/null 2>"$work/cpu.err" || status=$?
    grep -v '^qemu-x86_64: warning' "$work/cpu.err" >"$work/cpu.lines" || true
    [ "$status" -eq "$2" ] || fail "on a $1 CPU (qemu) status $status, not $2: $(cat "$work/cpu.lines")"
    [ "$2" -ne 69 ] || { [ "$(wc -l <"$work/cpu.lines")" -eq 1 ] && grep -q 'lacks AVX2, FMA' "$work/cpu.lines"; } \
        || fail "on a $1 CPU (qemu) the refusal is not one line: $(cat "$work/cpu.lines")"
}
if command -v qemu-x86_64 >/dev/null; then
    cpu_check Nehalem 69      # SSE4.2, no AVX: refused in one line
    cpu_check SandyBridge 69  # AVX without AVX2 and FMA: refused in one line
    cpu_check Haswell-v4 0    # AVX2 and FMA, no AVX-512: runs
    checked+=("qemu: Nehalem and SandyBridge refused, Haswell ran")
else
    # Without qemu only the refusal's wording and status can be checked, through the test-only override.
    status=0
    bare env NORMSCOPE_TEST_CPU_FEATURES=avx ./normscope --version 2>"$work/cpu.err" || status=$?
    [ "$status" -eq 69 ] && [ "$(wc -l <"$work/cpu.err")" -eq 1 ] || fail "the refusal gave status $status: $(cat "$work/cpu.err")"
    checked+=("no qemu: the refusal through the test override only")
fi

MANPAGER=cat MANWIDTH=80 man -l "$dir/normscope.1" 2>&1 | grep -q '^SUBCOMMANDS' || fail "man -l does not render normscope.1"
bash -c "source '$dir/completions/normscope.bash' && complete -p normscope" >/dev/null || fail "the bash completion does not load"

PREFIX="$work/prefix" "$dir/install.sh" >/dev/null
for f in bin/normscope share/man/man1/normscope.1 share/bash-completion/completions/normscope \
         share/zsh/site-functions/_normscope share/fish/vendor_completions.d/normscope.fish; do
    [ -f "$work/prefix/$f" ] || fail "install.sh did not install $f"
done

if command -v tmux >/dev/null; then
    # The live view through ncursesw and the system's terminfo, in a bare environment but for TERM.
    tmux new-session -d -s "$session" -x 120 -y 36 \
        "cd '$dir' && env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= TERM=tmux-256color ./normscope --epochs 5; sleep 30"
    for _ in $(seq 1 100); do
        screen=$(tmux capture-pane -p -t "$session")
        grep -q 'epoch' <<<"$screen" && break
        sleep 0.2
    done
    grep -q 'epoch' <<<"$screen" || fail "the live view did not draw in tmux:"$'\n'"$screen"
    tmux send-keys -t "$session" q
    checked+=("the live view drew in tmux")
else
    checked+=("no tmux: the live view unchecked")
fi
summary=$(printf '%s; ' "${checked[@]}")
echo "check-release: $name OK (binary $(du -h "$dir/normscope" | cut -f1); ldd: $(awk '{print $1}' <<<"$libraries" | tr '\n' ' ')); ${summary%; }"
