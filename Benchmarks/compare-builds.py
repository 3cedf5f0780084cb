#!/usr/bin/env python3
"""Two normscope binaries on the same command, interleaved: CPU time (user + sys), wall time, same output bytes.

Usage: python3 Benchmarks/compare-builds.py OLD_BIN NEW_BIN [--rounds N] -- ARGS...
  e.g. python3 Benchmarks/compare-builds.py /tmp/old/normscope .build/release/normscope --rounds 3 -- \
           reproduce --seeds 1 --epochs 20 --imbalances 100

Each round runs OLD then NEW (the order alternates every round), each in a directory of its own with
`ARGS -o out` (and `--no-timings` for reproduce), reads the child's CPU time from getrusage, and compares the
files each writes with the other binary's (cmp). Prints one line per run and the medians. On a shared machine
read the CPU seconds; wall time says how busy it was.
"""
import argparse
import filecmp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def run(binary, args, directory):
    """Runs in `directory` with `-o out`, so the command recorded in the files is the same for both builds."""
    os.makedirs(directory)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    untimed = ["--no-timings"] if args[:1] == ["reproduce"] else []  # `run` leaves timings out by default
    subprocess.run([os.path.abspath(binary), *args, *untimed, "-o", "out"], check=True, cwd=directory,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit(__doc__)
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--rounds", type=int, default=3)
    opts = parser.parse_args(argv[:split])
    args = argv[split + 1:]
    tmp = tempfile.mkdtemp(prefix="normscope-compare-")
    results = {"old": [], "new": []}
    identical = True
    for r in range(opts.rounds):
        order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
        outs = {}
        for name in order:
            directory = os.path.join(tmp, f"{name}-{r}")
            cpu, wall = run(getattr(opts, name), args, directory)
            outs[name] = os.path.join(directory, "out")
            results[name].append((cpu, wall))
            print(f"round {r + 1} {name}: {cpu:.2f} CPU s, {wall:.2f} wall s", flush=True)
        for ext in ("", ".json", ".md"):
            a, b = outs["old"] + ext, outs["new"] + ext
            if os.path.exists(a) or os.path.exists(b):
                same = os.path.exists(a) and os.path.exists(b) and filecmp.cmp(a, b, shallow=False)
                identical = identical and same
                if not same:
                    print(f"round {r + 1}: {a} and {b} differ", flush=True)
    for name in ("old", "new"):
        cpu = statistics.median(c for c, _ in results[name])
        wall = statistics.median(w for _, w in results[name])
        print(f"{name}: median {cpu:.2f} CPU s, {wall:.2f} wall s over {opts.rounds} runs")
    ratio = statistics.median(n[0] / o[0] for o, n in zip(results["old"], results["new"]))
    print(f"new/old CPU, median of the rounds: {ratio:.3f}; outputs {'identical' if identical else 'DIFFER'}")
    sys.exit(0 if identical else 1)


if __name__ == "__main__":
    main()
