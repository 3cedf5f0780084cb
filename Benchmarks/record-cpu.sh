#!/usr/bin/env bash
# The live view's UI-thread CPU with and without --record (opt-in, not part of `swift test`).
#
#   Benchmarks/record-cpu.sh [seconds] [rounds] [pace] [epochs]   defaults: 30 s, 3 rounds, pace 0.6, 100 epochs
#
# Opens the live view at 160x48 in tmux on the default experiment, alternately without and with
# --record, and reads the main thread's CPU time (/proc/PID/task/PID/schedstat, nanoseconds) over
# `seconds` after a 5 s start. The main thread is the UI: it draws, diffs and records; training runs
# on the worker threads. Prints one line per round and the medians, in % of one core.
# Uses $NORMSCOPE_BIN if set, else builds the release binary (swift build -c release --scratch-path .build-bench).
set -euo pipefail
seconds=${1:-30}
rounds=${2:-3}
pace=${3:-0.6}
epochs=${4:-100}
cd "$(dirname "$0")/.."
if [ -z "${NORMSCOPE_BIN:-}" ]; then
    swift build -c release --scratch-path .build-bench --product normscope >&2
    NORMSCOPE_BIN=$(swift build -c release --scratch-path .build-bench --show-bin-path)/normscope
fi
command -v tmux >/dev/null || { echo "record-cpu: tmux is needed" >&2; exit 2; }
sock="normscope-reccpu-$$"
tmp=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

# The UI thread's CPU in % of a core over $seconds, for the live view started with the extra flags "$@".
measure() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    tmux -L "$sock" -f /dev/null new-session -d -x 160 -y 48 \
        "env LANG=C.UTF-8 TERM=xterm-256color '$NORMSCOPE_BIN' --pace $pace --epochs $epochs $*"
    local pid="" pane
    for _ in $(seq 100); do
        pane=$(tmux -L "$sock" display -p '#{pane_pid}')
        if grep -q normscope "/proc/$pane/comm" 2>/dev/null; then pid=$pane; break; fi
        sleep 0.1
    done
    [ -n "$pid" ] || { echo "record-cpu: the program did not start" >&2; exit 2; }
    sleep 5
    local a b
    a=$(cut -d' ' -f1 "/proc/$pid/task/$pid/schedstat")
    sleep "$seconds"
    b=$(cut -d' ' -f1 "/proc/$pid/task/$pid/schedstat")
    tmux -L "$sock" send-keys q
    sleep 1
    awk -v a="$a" -v b="$b" -v s="$seconds" 'BEGIN { printf "%.2f", (b - a) / 1e9 / s * 100 }'
}

echo "# UI thread CPU (% of one core) over ${seconds} s, live view 160x48, pace $pace, $epochs epochs"
echo "# round  plain  --record  cast_kb"
plain=() rec=()
for r in $(seq "$rounds"); do
    p=$(measure)
    q=$(measure --record "$tmp/r$r.cast")
    kb=$(( $(stat -c %s "$tmp/r$r.cast") / 1024 ))
    printf '%7d %6s %9s %8d\n' "$r" "$p" "$q" "$kb"
    plain+=("$p") rec+=("$q")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "# median: plain $(median "${plain[@]}") %, with --record $(median "${rec[@]}") %"
