#!/usr/bin/env python3
"""What recording per-class accuracy and prediction counts costs training (opt-in, not part of `swift test`).

    python3 Benchmarks/perclass-overhead.py [--base REF] [--rounds N] [--epochs E] [-- RUN FLAGS...]

Builds the release binary of this tree and of REF (default 7a80081, the last commit before the per-class
fields) in scratch directories of their own, then runs `normscope run --quiet --threads 1 -o FILE` with each,
alternately, N times (default 7), and reports the medians and the median of the per-round ratios (with / without)
of the process's CPU time (user + system; on a shared, busy machine the CPU clock shows what the code costs where
the wall clock shows the other jobs). Extra flags after `--` go to both runs (default data, E = 10 epochs).
Set NORMSCOPE_BIN and NORMSCOPE_BASE_BIN to skip the builds. REF lies many commits behind main (faster kernels
among them), so the default comparison mixes those in: for the per-class fields alone, point NORMSCOPE_BASE_BIN at
a release build of this tree with the recording taken out (docs/performance.md says how and what it gave).
"""
import argparse, os, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build(tree, scratch):
    cmd = ["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", "normscope"]
    subprocess.run(cmd, cwd=tree, check=True, stdout=sys.stderr)
    out = subprocess.run(cmd[:-2] + ["--show-bin-path"], cwd=tree, check=True, capture_output=True, text=True)
    return os.path.join(out.stdout.strip(), "normscope")


def base_binary(ref):
    if os.environ.get("NORMSCOPE_BASE_BIN"):
        return os.environ["NORMSCOPE_BASE_BIN"]
    tree = os.path.join(tempfile.gettempdir(), "normscope-perclass-base-" + ref)
    if not os.path.isdir(tree):
        os.makedirs(tree)
        archive = subprocess.run(["git", "-C", ROOT, "archive", ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
    return build(tree, os.path.join(tree, ".build-bench"))


def cpu_seconds(binary, flags, out):
    """CPU seconds (user + system) of one `run`, and its wall seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run([binary, "run", "--quiet", "--threads", "1", "-o", out, "--force"] + flags, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", default="7a80081")
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("flags", nargs="*")
    a = p.parse_args()
    new = os.environ.get("NORMSCOPE_BIN") or build(ROOT, os.path.join(ROOT, ".build-bench"))
    old = base_binary(a.base)
    flags = ["--epochs", str(a.epochs)] + a.flags
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        cpu_seconds(new, flags, out)  # warm-up: page cache, CPU frequency
        print("# round  without_cpu_s  with_cpu_s  ratio   (wall s: without, with)")
        for i in range(a.rounds):
            # Alternate which goes first, so a slow spell of the machine is shared.
            first, second = (old, new) if i % 2 == 0 else (new, old)
            r1 = cpu_seconds(first, flags, out)
            r2 = cpu_seconds(second, flags, out)
            without, with_ = (r1, r2) if first == old else (r2, r1)
            rows.append((without, with_))
            print(f"{i + 1:7d}  {without[0]:13.3f}  {with_[0]:10.3f}  {with_[0] / without[0]:.4f}"
                  f"   ({without[1]:.1f}, {with_[1]:.1f})", flush=True)
    med_old = statistics.median(r[0][0] for r in rows)
    med_new = statistics.median(r[1][0] for r in rows)
    ratio = statistics.median(r[1][0] / r[0][0] for r in rows)
    print(f"# median CPU s: without {med_old:.3f}, with {med_new:.3f}; median ratio {ratio:.4f} "
          f"({(ratio - 1) * 100:+.2f}%)")


if __name__ == "__main__":
    main()
