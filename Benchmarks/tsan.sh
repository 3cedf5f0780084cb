#!/usr/bin/env bash
# ThreadSanitizer check of the threaded training paths (not part of `swift test`; .ci/run runs it).
#
#   Benchmarks/tsan.sh        build normscope with --sanitize=thread (debug) into .build-tsan, then run a, b, c, d
#   NORMSCOPE_TSAN_RUNS=d Benchmarks/tsan.sh     only the live view (runs by letter, comma-separated: a,c)
#
# Each run uses the built binary on the small built-in data set (datasets/quick.json) with 2 worker threads:
#   a. run --stage2, short: stage 1, then stage 2 trained by the TrainingSession workers while the main
#      thread reads progress;
#   b. run --stage2 --stage2-epochs 1100: stage 2 past the 1,024-row history limit, so the histories are
#      thinned (RunHistory.downsampleIfNeeded) while the main thread reads them;
#   c. reproduce on a tiny configuration (2 epochs, 1 seed, 2 imbalances, short grids).
#   d. the live view, recording itself, in a tmux pane (120x40, private socket): training paced while the main
#      thread draws, pause and resume, two exports (e e) at once, flat out, stage 2 (2), an export and three
#      resizes during stage 2, a restart (r r) that stops the workers mid-epoch and starts new ones, a resize,
#      quit (q). Each step waits for the screen to show its effect (up to 120 s: TSan slows training about
#      tenfold); a step that never shows fails the run with the last screen. stderr (where TSan reports) goes
#      to a file, and the exit status must be 0.
# The script fails (exit 1, with the report and the run that produced it) on any ThreadSanitizer report
# (data race, lock-order inversion, ...) or crash, except the one kind explained below. On a busy 2-core
# machine: about 2 min to build from cold, then a ~10 s, b 35-100 s, c ~10 s, d ~45 s (170 s for the four
# runs after a warm build, measured at a load average of 46).
#
# TSAN_OPTIONS, and why:
#   exitcode=66 second_deadlock_stack=1   a report makes the run exit 66; both stacks of a lock inversion.
#   ignore_interceptors_accesses=0        the Swift toolchain's runtime defaults it to 1, and Swift copies a
#       struct out of a class or an array (`let h = trainer.history`) with __tsan_memcpy, an interceptor: left
#       at 1, a copy racing with the thread that writes the value is never seen (the stage-2 race of issue 9
#       goes unreported).
#   suppressions: race:_swift_release_dealloc   with 0, free() is checked too, but Swift's reference counts
#       (the atomics that order a last release after every use) live in the uninstrumented runtime: an object
#       released for the last time on another thread (InterruptFlag's signal handlers, on a Dispatch thread)
#       looks like a race with its last use.
#   halt_on_error=0   for the same reason a copy-on-write hand-over looks like a race: thread A reads an element
#       of an array snapshot and drops it, thread B (under the lock) then finds the buffer unique and writes
#       the element in place; only the reference count orders the two. Such reports have a whole-value copy
#       (__tsan_memcpy/__tsan_memmove) on both sides, so the script lists them as notes and does not fail on
#       them; a report with any other access (a field store, a Swift modify access, an unrestorable stack)
#       fails. Runs go to the end so one such note cannot hide a real report behind it.
# Also SWIFT_BACKTRACE=enable=no: Swift's crash backtracer forks, which trips TSan; handle_abort=1 lets TSan
# print the crashing stack instead.
#
# Environment: NORMSCOPE_TSAN_SCRATCH (build directory, default .build-tsan), NORMSCOPE_TSAN_THREADS (worker
# threads, default 2), NORMSCOPE_TSAN_RUNS (which runs, default a,b,c,d), TSAN_OPTIONS (appended; later
# options win). Run d needs tmux.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${NORMSCOPE_TSAN_SCRATCH:-.build-tsan}
threads=${NORMSCOPE_TSAN_THREADS:-2}
runs=${NORMSCOPE_TSAN_RUNS:-a,b,c,d}
for r in ${runs//,/ }; do
    case $r in a|b|c|d) ;; *) echo "tsan: NORMSCOPE_TSAN_RUNS: no run '$r' (the runs are a, b, c, d)" >&2; exit 2 ;; esac
done
if [[ ",$runs," == *,d,* ]] && ! command -v tmux >/dev/null; then
    echo "tsan: run d (the live view) needs tmux; install it or leave d out of NORMSCOPE_TSAN_RUNS" >&2
    exit 2
fi
wanted() { [[ ",$runs," == *",$1,"* ]]; }

echo "tsan: building with --sanitize=thread into $scratch"
swift build --sanitize=thread --scratch-path "$scratch" --product normscope
bin=$(swift build --sanitize=thread --scratch-path "$scratch" --show-bin-path)/normscope

work=$(mktemp -d "${TMPDIR:-/tmp}/normscope-tsan.XXXXXX")
socket="normscope-tsan-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
echo 'race:_swift_release_dealloc' >"$work/tsan.supp"
export TSAN_OPTIONS="halt_on_error=0 exitcode=66 second_deadlock_stack=1 ignore_interceptors_accesses=0 handle_abort=1 suppressions=$work/tsan.supp${TSAN_OPTIONS:+ $TSAN_OPTIONS}"
export SWIFT_BACKTRACE=enable=no
data=$PWD/datasets/quick.json
failed=()

demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }

# sort_reports LOG: writes the reports that fail to LOG.fail and the SUMMARY lines of copy-only reports (see above)
# to LOG.copies. A report fails unless it is a data race whose every access has __tsan_memcpy/memmove on top.
sort_reports() {
    awk -v fail="$1.fail" -v copies="$1.copies" '
        function finish() {
            if (blocking || accesses == 0) { printf "%s", text >> fail; nfail++ }
            else print summary >> copies
        }
        /^==================$/ {
            if (inside) { text = text $0 "\n"; finish(); inside = 0; next }
            inside = 1; text = ""; blocking = 0; accesses = 0; want = 0; summary = ""
        }
        !inside { next }
        { text = text $0 "\n" }
        /^WARNING: ThreadSanitizer: / && !/ThreadSanitizer: (data race|Swift access race)/ { blocking = 1 }
        /^SUMMARY: / { summary = $0 }
        want { want = 0; if (!($1 == "#0" && ($2 == "__tsan_memcpy" || $2 == "__tsan_memmove"))) blocking = 1; next }
        /^  (Previous )?([Aa]tomic )?([Rr]ead|[Ww]rite|[Mm]odifying access) / { accesses++; want = 1 }
        END { if (inside) { blocking = 1; finish() } }
    ' "$1"
}

# check NAME ARGS...: runs normscope ARGS in $work (stdin closed, stderr to a log) and judges its log.
check() {
    local name=$1; shift
    local start=$SECONDS status=0
    echo "tsan: [$name] normscope $*"
    (cd "$work" && "$bin" "$@" </dev/null >"$work/$name.out" 2>"$work/$name.log") || status=$?
    judge "$name" "$status" "$start"
}

# judge NAME STATUS START: fails the run NAME on a report in $work/NAME.log that fails (see sort_reports), or on
# a non-zero STATUS without one; START is when it began ($SECONDS).
judge() {
    local name=$1 status=$2 start=$3
    local log="$work/$name.log"
    sort_reports "$log"
    local took="exit status $status, $((SECONDS - start)) s"
    if [ -s "$log.fail" ]; then
        echo "tsan: [$name] FAILED: ThreadSanitizer report ($took); the first:" >&2
        awk '/^==================$/ { n++ } n <= 2' "$log.fail" | head -n 150 | demangle >&2
        echo "tsan: [$name] all reports that fail, by summary:" >&2
        grep '^SUMMARY: ' "$log.fail" | sort | uniq -c | demangle >&2
        failed+=("$name")
    elif [ "$status" -ne 0 ] && { [ "$status" -ne 66 ] || [ ! -s "$log.copies" ]; }; then
        echo "tsan: [$name] FAILED: crashed or failed without a race report ($took); last lines:" >&2
        tr '\r' '\n' <"$log" | grep -v '^training ' | tail -n 60 | demangle >&2
        failed+=("$name")
    elif [ -s "$log.copies" ]; then
        echo "tsan: [$name] passed: only copy-on-write hand-overs, listed below ($took)"
    else
        echo "tsan: [$name] clean ($took)"
    fi
    if [ -s "$log.copies" ]; then
        echo "tsan: [$name] note: copy-on-write hand-overs reported by TSan, not failing (see the header):"
        sort "$log.copies" | uniq -c | demangle
    fi
}

# live NAME ARGS...: drives the live view (normscope ARGS) in a tmux pane through the session described in
# the header (run d), then judges its log.
live() {
    local name=$1; shift
    local log="$work/$name.log" start=$SECONDS status
    echo "tsan: [$name] normscope $* (live view in tmux)"
    local command="cd $(printf %q "$work") && env LANG=C.UTF-8 TERM=xterm-256color"
    command+=" TSAN_OPTIONS=$(printf %q "$TSAN_OPTIONS") SWIFT_BACKTRACE=enable=no"
    command+=" $(printf '%q ' "$bin" "$@") 2>$(printf %q "$log"); echo \$? >$(printf %q "$work/$name.status")"
    command+="; exec sleep 86400"
    tmux -L "$socket" -f /dev/null new-session -d -s live -x 120 -y 40 "$command"
    # step TEXT KEYS...: sends KEYS (none: only waits), then waits until the screen shows TEXT (a grep -E pattern).
    step() {
        local text=$1; shift
        if [ "$#" -gt 0 ]; then tmux -L "$socket" send-keys -t live "$@"; fi
        local until=$((SECONDS + 120))
        until tmux -L "$socket" capture-pane -p -t live | grep -qE -- "$text"; do
            if [ -s "$work/$name.status" ] || [ "$SECONDS" -ge "$until" ]; then
                echo "tsan: [$name] the screen never showed '$text' (after keys: ${*:-none}); the last screen:" >&2
                tmux -L "$socket" capture-pane -p -t live >&2
                return 1
            fi
            sleep 0.2
        done
    }
    resize() { tmux -L "$socket" resize-window -t live -x "$1" -y "$2"; }
    local steps=ok
    {
        step 'running' &&
        step 'paused' Space && step 'running' Space &&
        step 'exported normscope' e e &&
        step 'stage 1 done' + + + + + + + + &&
        step 'stage 2 .*epoch +[0-9]+/300' 2 &&
        step 'exported' e &&
        resize 80 24 && sleep 1 && resize 200 60 && sleep 1 && resize 120 40 &&
        step 'press r again' r && step 'restarted with seed' r &&
        step 'stage 1 .*epoch +[1-9][0-9]*/12' && resize 100 30 && sleep 1 &&
        tmux -L "$socket" send-keys -t live q &&
        { until [ -s "$work/$name.status" ] || [ "$SECONDS" -ge $((start + 600)) ]; do sleep 0.2; done; }
    } || steps=failed
    # e e and the e in stage 2: three exports, none written over another (names are unique within a second).
    local exports
    exports=$(find "$work" -maxdepth 1 -name 'normscope-*.json' | wc -l)
    if [ "$steps" = ok ] && [ "$exports" -ne 3 ]; then
        echo "tsan: [$name] expected 3 exports, found $exports:" $(ls "$work") >&2
        steps=failed
    fi
    status=$(cat "$work/$name.status" 2>/dev/null || echo 1)
    tmux -L "$socket" kill-server 2>/dev/null || true
    if [ "$steps" = failed ] && [ "$status" -eq 0 ]; then status=1; fi
    judge "$name" "$status" "$start"
}

if wanted a; then
    check a-run-stage2 run --dataset "$data" --epochs 3 --stage2 --stage2-base wd,naive --stage2-epochs 3 \
        --threads "$threads" -o a.json
fi
if wanted b; then
    check b-run-stage2-1100 run --dataset "$data" --epochs 2 --stage2 --stage2-epochs 1100 \
        --threads "$threads" -o b.json
fi
if wanted c; then
    check c-reproduce reproduce --dataset "$data" --epochs 2 --seeds 1 --imbalances 20,5 --stage2-epochs 2 \
        --wd-grid 0.001,0.01 --tau-grid 0,1 --threads "$threads" -o c
fi
if wanted d; then
    live d-live-view --dataset "$data" --epochs 12 --stage2-epochs 300 --pace 0.3 --threads "$threads" \
        --export-dir "$work" --record "$work/d.cast"
fi

if [ "${#failed[@]}" -gt 0 ]; then
    echo "tsan: FAILED: ${failed[*]} (ThreadSanitizer report or crash; see above)" >&2
    exit 1
fi
echo "tsan: all runs clean"
