#!/usr/bin/env bash
# How fast the live view answers (issue 17 item 7; opt-in, not part of `swift test`).
#
#   Benchmarks/live-latency.sh [rounds] [threads]   defaults: 20 rounds, 2 threads
#
# Opens the live view at 120x36 in tmux on the default experiment (five regimes, 100 epochs) at flat out
# (--pace 0), so every worker trains as fast as it can, and with NORMSCOPE_LATENCY_LOG set (see
# Sources/NormscopeTerminal/Live/LatencyLog.swift) measures inside the program:
#   key      a key's arrival to the frame that answers it (s opens the settings panel, Esc closes it, v views)
#   restart  Enter on a restart row of the panel (imbalance 100 <-> 50) to the first frame of the new run,
#            and the CPU time its helper thread spent generating the data and starting the new run (the rest
#            of the wait is the loop's turn, the old run's workers reaching their next mini-batch to hold at,
#            and other programs' turn on the CPU)
# Prints every sample's count and the medians and maxima, in milliseconds. Times from the tty to the program
# (tmux, the kernel) are not included. The run restarts from epoch 0 each round, so training stays busy.
# Uses $NORMSCOPE_BIN if set, else builds the release binary (swift build -c release --scratch-path .build-bench).
set -euo pipefail
rounds=${1:-20}
threads=${2:-2}
cd "$(dirname "$0")/.."
if [ -z "${NORMSCOPE_BIN:-}" ]; then
    swift build -c release --scratch-path .build-bench --product normscope >&2
    NORMSCOPE_BIN=$(swift build -c release --scratch-path .build-bench --show-bin-path)/normscope
fi
command -v tmux >/dev/null || { echo "live-latency: tmux is needed" >&2; exit 2; }
sock="normscope-latency-$$"
tmp=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
log="$tmp/latency.log"

tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 36 \
    "env LANG=C.UTF-8 TERM=xterm-256color NORMSCOPE_LATENCY_LOG='$log' '$NORMSCOPE_BIN' --pace 0 --threads $threads"
send() { tmux -L "$sock" send-keys "$@"; sleep 0.4; }
sleep 4
for i in $(seq "$rounds"); do
    send v
    send s
    send Escape
    # A restart: the imbalance row (the ninth), typed, Enter.
    send s
    for _ in 1 2 3 4 5 6 7 8; do tmux -L "$sock" send-keys Down; sleep 0.05; done
    if [ $((i % 2)) -eq 1 ]; then value=50; else value=100; fi
    tmux -L "$sock" send-keys -l "$value"; sleep 0.1
    send Enter
    sleep 1.5
done
tmux -L "$sock" send-keys q
sleep 1
python3 - "$log" <<'PY'
import statistics, sys
keys, restarts, builds, runs = [], [], [], []
for line in open(sys.argv[1]):
    w = line.split()
    if w[0] == "key": keys.append(float(w[1]))
    elif w[0] == "restart": restarts.append(float(w[1])); builds.append(float(w[3])); runs.append(float(w[5]))
def show(name, xs):
    if xs: print(f"{name:28s} n={len(xs):3d}  median {statistics.median(xs):7.1f} ms  max {max(xs):7.1f} ms")
show("key -> answering frame", keys)
show("Enter -> first frame (restart)", restarts)
show("  CPU generating the data", builds)
show("  CPU starting the new run", runs)
PY
