#!/usr/bin/env bash
# Soak test (opt-in, not part of `swift test`): the live view open on a long run at flat out, with the
# process's resident memory (VmRSS) sampled over time. Memory must stay flat: histories are thinned
# beyond 1,024 rows (RunHistory.downsampleIfNeeded), so RSS should not grow with the epochs.
#
#   Benchmarks/soak.sh [epochs] [seconds] [interval]      defaults: 20000 epochs, 300 s, every 10 s
#
# Uses $NORMSCOPE_BIN if set, else builds the release binary (swift build -c release --scratch-path .build-soak).
# Prints one line per sample (seconds, epoch, RSS in MB) and a verdict: exit status 1 when the last RSS is
# more than 20% above the RSS after the first quarter of the run (warm-up excluded).
set -euo pipefail
epochs=${1:-20000}
seconds=${2:-300}
interval=${3:-10}
cd "$(dirname "$0")/.."
if [ -z "${NORMSCOPE_BIN:-}" ]; then
    swift build -c release --scratch-path .build-soak --product normscope >&2
    NORMSCOPE_BIN=$(swift build -c release --scratch-path .build-soak --show-bin-path)/normscope
fi
command -v tmux >/dev/null || { echo "soak: tmux is needed" >&2; exit 2; }
sock="normscope-soak-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT
tmux -L "$sock" -f /dev/null new-session -d -x 160 -y 48 \
    "env LANG=C.UTF-8 TERM=xterm-256color '$NORMSCOPE_BIN' --dataset datasets/quick.json --epochs $epochs --pace 0"
pid=""
for _ in $(seq 100); do
    pane=$(tmux -L "$sock" display -p '#{pane_pid}')
    if grep -q normscope "/proc/$pane/comm" 2>/dev/null; then pid=$pane; break; fi
    sleep 0.1
done
[ -n "$pid" ] || { echo "soak: the program did not start" >&2; exit 2; }
echo "# normscope soak: $epochs epochs, live view 160x48 at flat out, quick data set; pid $pid"
echo "# seconds  epoch  rss_mb"
start=$(date +%s)
samples=()
while :; do
    now=$(( $(date +%s) - start ))
    [ -r "/proc/$pid/status" ] || { echo "soak: the program ended early" >&2; exit 1; }
    rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    epoch=$(tmux -L "$sock" capture-pane -p | head -1 | grep -o 'epoch [0-9]*' | head -1 | cut -d' ' -f2 || true)
    printf '%8d %6s %7.1f\n' "$now" "${epoch:-?}" "$(awk -v k="$rss_kb" 'BEGIN { print k / 1024 }')"
    samples+=("$rss_kb")
    [ "$now" -ge "$seconds" ] && break
    sleep "$interval"
done
tmux -L "$sock" send-keys q
n=${#samples[@]}
base=${samples[$(( n / 4 ))]}
last=${samples[$(( n - 1 ))]}
peak=$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)
echo "# after warm-up $(( base / 1024 )) MB, last $(( last / 1024 )) MB, peak $(( peak / 1024 )) MB"
if [ "$last" -gt $(( base * 12 / 10 )) ]; then echo "# FAIL: memory grew by more than 20%"; exit 1; fi
echo "# OK: memory flat"
