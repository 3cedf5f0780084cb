#!/usr/bin/env python3
"""Side-by-side training speed: normscope against the same model in numpy and (if installed) PyTorch.

All three train the same MLP (normscope's default: d -> 128 -> 128 -> 64 -> C, ReLU) on the same data
(exported by `normscope dataset`), with the same hyperparameters: SGD momentum 0.9, learning rate 0.01
cosine-annealed per epoch, batch 64, shuffled every epoch, cross-entropy; after every epoch each evaluates
the test set (argmax, batch 256) and records the per-class classifier norms, as normscope does. All five
regimes are trained: naive, l2norm (unit-norm classifier rows), wd (weight decay 2e-3), maxnorm (rows
projected to radius 0.8 after every step), wd+maxnorm.

Each framework runs in its own process with its thread count fixed (OMP/OPENBLAS/MKL_NUM_THREADS,
torch.set_num_threads, normscope --threads), at 1 and 2 threads, and the script prints seconds per
regime-epoch for each, and the ratios. With T threads, numpy and PyTorch train the regimes one after the
other (their BLAS may use the T threads inside each product); normscope trains the regimes side by side on T
threads, which is how it runs. Timings exclude data loading and start-up; the first epoch is a warm-up and is
not counted. The whole comparison is repeated (--repeats rounds, frameworks interleaved within each round);
the table shows medians, and each ratio is the median of the ratios measured within one round.

Usage (from the repository root, after `swift build -c release`):
    python3 Benchmarks/compare.py                      # default data, 3 timed epochs, threads 1 and 2
    python3 Benchmarks/compare.py --epochs 5 --repeats 5 --threads 1 2 --frameworks normscope numpy torch
Only numpy is required; PyTorch is used when `import torch` works, and skipped with a note otherwise.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REGIMES = ["naive", "l2norm", "wd", "maxnorm", "wd+maxnorm"]
HIDDEN = [128, 128, 64]
LR, MOMENTUM, BATCH, WD, RADIUS, EVAL_BATCH = 0.01, 0.9, 64, 2e-3, 0.8, 256


# MARK: - Data

def load_csv(path):
    """The exported CSV as float32 features and int64 class indices (most frequent class first)."""
    import numpy as np
    with open(path) as f:
        header = f.readline().strip().split(",")
    raw = np.loadtxt(path, delimiter=",", skiprows=1, dtype=str)
    li, si = header.index("label"), header.index("split")
    feat_cols = [i for i in range(len(header)) if i not in (li, si)]
    labels = raw[:, li].astype(np.int64)
    split = raw[:, si]
    x = raw[:, feat_cols].astype(np.float32)
    train = split == "train"
    uniq, counts = np.unique(labels[train], return_counts=True)
    order = uniq[np.lexsort((uniq, -counts))]
    remap = {int(l): i for i, l in enumerate(order)}
    y = np.array([remap[int(l)] for l in labels], dtype=np.int64)
    return x[train], y[train], x[~train], y[~train], len(order)


def lr_at(epoch, epochs):
    import math
    return LR * (1 + math.cos(math.pi * epoch / epochs)) / 2


# MARK: - numpy

def run_numpy(data, regimes, epochs, seed):
    import numpy as np
    xtr, ytr, xte, yte, classes = data
    sizes = [xtr.shape[1]] + HIDDEN + [classes]
    n = len(ytr)
    per_regime = {}
    for regime in regimes:
        rng = np.random.default_rng(seed)
        ws, bs = [], []
        for i, o in zip(sizes[:-1], sizes[1:]):
            bound = 1 / np.sqrt(i)
            ws.append(rng.uniform(-bound, bound, (i, o)).astype(np.float32))
            bs.append(rng.uniform(-bound, bound, o).astype(np.float32))
        params = ws + bs
        vel = [np.zeros_like(p) for p in params]
        wd = WD if "wd" in regime else 0.0
        l2 = regime == "l2norm"
        maxnorm = "maxnorm" in regime
        L = len(ws)

        def classifier():
            w = ws[-1]
            if not l2:
                return w, None
            norms = np.maximum(np.sqrt((w * w).sum(0)), 1e-12)
            return w / norms, norms

        times = []
        for epoch in range(epochs + 1):
            t0, c0 = time.perf_counter(), time.process_time()
            lr = np.float32(lr_at(epoch, epochs + 1))
            perm = rng.permutation(n)
            for s in range(0, n, BATCH):
                idx = perm[s:s + BATCH]
                b = len(idx)
                hs = [xtr[idx]]
                for l in range(L - 1):
                    hs.append(np.maximum(hs[-1] @ ws[l] + bs[l], 0))
                wc, norms = classifier()
                z = hs[-1] @ wc + bs[-1]
                z -= z.max(1, keepdims=True)
                np.exp(z, out=z)
                z /= z.sum(1, keepdims=True)
                z[np.arange(b), ytr[idx]] -= 1
                z /= b
                dz = z
                grads_w, grads_b = [None] * L, [None] * L
                for l in range(L - 1, -1, -1):
                    wl = wc if l == L - 1 else ws[l]
                    grads_w[l] = hs[l].T @ dz
                    grads_b[l] = dz.sum(0)
                    if l > 0:
                        dz = (dz @ wl.T) * (hs[l] > 0)
                if l2:
                    g = grads_w[-1]
                    grads_w[-1] = (g - wc * (wc * g).sum(0)) / norms
                for p, g, v in zip(params, grads_w + grads_b, vel):
                    if wd:
                        g = g + np.float32(wd) * p
                    v *= np.float32(MOMENTUM)
                    v += g
                    p -= lr * v
                if maxnorm:
                    rn = np.sqrt((ws[-1] * ws[-1]).sum(0))
                    ws[-1] *= np.minimum(1, RADIUS / np.maximum(rn, 1e-12)).astype(np.float32)
            # evaluation: per-class test accuracy and classifier norms, as normscope records every epoch
            wc, _ = classifier()
            correct = np.zeros(classes)
            for s in range(0, len(yte), EVAL_BATCH):
                h = xte[s:s + EVAL_BATCH]
                for l in range(L - 1):
                    h = np.maximum(h @ ws[l] + bs[l], 0)
                pred = (h @ wc + bs[-1]).argmax(1)
                np.add.at(correct, yte[s:s + EVAL_BATCH], pred == yte[s:s + EVAL_BATCH])
            _ = np.sqrt((wc * wc).sum(0))
            times.append((time.perf_counter() - t0, time.process_time() - c0))
        per_regime[regime] = times[1:]
    return per_regime


# MARK: - PyTorch

def run_torch(data, regimes, epochs, seed, threads):
    import numpy as np
    import torch
    import torch.nn.functional as F
    torch.set_num_threads(threads)
    xtr, ytr, xte, yte, classes = data
    xtr, ytr, xte, yte = map(torch.from_numpy, (xtr, ytr, xte, yte))
    sizes = [xtr.shape[1]] + HIDDEN + [classes]
    n = len(ytr)
    per_regime = {}
    for regime in regimes:
        torch.manual_seed(seed)
        layers = [torch.nn.Linear(i, o) for i, o in zip(sizes[:-1], sizes[1:])]
        l2 = regime == "l2norm"
        maxnorm = "maxnorm" in regime
        cls = layers[-1]

        def forward(x):
            for layer in layers[:-1]:
                x = F.relu(layer(x))
            w = F.normalize(cls.weight, dim=1) if l2 else cls.weight
            return F.linear(x, w, cls.bias)

        params = [p for layer in layers for p in layer.parameters()]
        opt = torch.optim.SGD(params, lr=LR, momentum=MOMENTUM, weight_decay=WD if "wd" in regime else 0.0)
        gen = torch.Generator().manual_seed(seed)
        times = []
        for epoch in range(epochs + 1):
            t0, c0 = time.perf_counter(), time.process_time()
            for group in opt.param_groups:
                group["lr"] = lr_at(epoch, epochs + 1)
            perm = torch.randperm(n, generator=gen)
            for s in range(0, n, BATCH):
                idx = perm[s:s + BATCH]
                opt.zero_grad(set_to_none=True)
                loss = F.cross_entropy(forward(xtr[idx]), ytr[idx])
                loss.backward()
                opt.step()
                if maxnorm:
                    with torch.no_grad():
                        norms = cls.weight.norm(dim=1, keepdim=True)
                        cls.weight.mul_(torch.clamp(RADIUS / norms.clamp_min(1e-12), max=1))
            with torch.no_grad():
                correct = torch.zeros(classes)
                for s in range(0, len(yte), EVAL_BATCH):
                    pred = forward(xte[s:s + EVAL_BATCH]).argmax(1)
                    correct.index_add_(0, yte[s:s + EVAL_BATCH], (pred == yte[s:s + EVAL_BATCH]).float())
                w = F.normalize(cls.weight, dim=1) if l2 else cls.weight
                _ = w.norm(dim=1)
            times.append((time.perf_counter() - t0, time.process_time() - c0))
        per_regime[regime] = times[1:]
    return per_regime


# MARK: - Driver

def worker(args):
    """Runs one framework at one thread count (threads are fixed by the parent's environment) and prints JSON."""
    import numpy as np
    data = load_csv(args.csv)
    if args.worker == "numpy":
        res = run_numpy(data, args.regimes, args.epochs, args.seed)
        info = {"numpy": np.__version__}
        try:
            from threadpoolctl import threadpool_info
            info["blas"] = [{k: d.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
                            for d in threadpool_info()]
        except ImportError:
            pass
    else:
        import torch
        res = run_torch(data, args.regimes, args.epochs, args.seed, args.threads_one)
        info = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    print(json.dumps({"times": res, "info": info}))


def thread_env(threads, unset_openblas_coretype):
    env = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
        env[k] = str(threads)
    if unset_openblas_coretype:
        env.pop("OPENBLAS_CORETYPE", None)
        env.pop("OPENBLAS_L2_SIZE", None)
    return env


def python_framework(name, args, csv, threads):
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", name, "--csv", csv, "--epochs", str(args.epochs),
           "--seed", str(args.seed), "--threads-one", str(threads), "--regimes", *args.regimes]
    out = subprocess.run(cmd, env=thread_env(threads, name == "numpy"), capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def normscope_framework(args, csv, threads):
    """normscope's bench on the same CSV: seconds per regime-epoch, regimes side by side on `threads` threads."""
    cmd = [args.normscope, "bench", "--only", "training", "--format", "json", "--dataset", csv,
           "--timed-epochs", str(args.epochs), "--threads", str(threads), "--regimes", ",".join(args.regimes)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"normscope failed:\n{out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--normscope", default=".build/release/normscope", help="the normscope binary")
    p.add_argument("--csv", help="data to train on (default: export normscope's default data set)")
    p.add_argument("--epochs", type=int, default=3, help="timed epochs per regime (one more runs as warm-up)")
    p.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    p.add_argument("--regimes", nargs="+", default=REGIMES)
    p.add_argument("--frameworks", nargs="+", default=["normscope", "numpy", "torch"])
    p.add_argument("--repeats", type=int, default=3, help="rounds (all frameworks each round); medians are reported")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", help="also write all measurements here")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--threads-one", type=int, default=1, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        return worker(args)

    frameworks = list(args.frameworks)
    if "torch" in frameworks:
        probe = subprocess.run([sys.executable, "-c", "import torch"], capture_output=True, text=True)
        if probe.returncode != 0:
            reason = (probe.stderr.strip().splitlines() or ["import failed"])[-1]
            print(f"note: PyTorch skipped (import torch failed: {reason[:160]})")
            frameworks.remove("torch")
    if "normscope" in frameworks and not shutil.which(args.normscope) and not os.path.exists(args.normscope):
        sys.exit(f"error: {args.normscope} not found; build it with 'swift build -c release' or pass --normscope")

    tmp = tempfile.mkdtemp(prefix="normscope-compare-")
    csv = args.csv
    if csv is None:
        csv = os.path.join(tmp, "data.csv")
        subprocess.run([args.normscope, "dataset", "-o", csv, "--seed", str(args.seed)], check=True)

    print(f"machine: {cpu_name()}, {os.cpu_count()} cores; python {platform.python_version()}")
    print(f"data: {csv}; regimes: {', '.join(args.regimes)}; {args.epochs} timed epochs each (+1 warm-up); "
          f"{args.repeats} round(s), frameworks interleaved in each")
    # results[(fw, threads)] = one value per round; rounds run every framework back to back, so a ratio taken
    # within a round compares runs made under the same load.
    results, cpu_results = {}, {}
    for rnd in range(args.repeats):
        for threads in args.threads:
            for fw in frameworks:
                t0 = time.perf_counter()
                if fw == "normscope":
                    r = normscope_framework(args, csv, threads)
                    per = r["secondsPerRegimeEpoch"]
                    # one regime at a time on one thread: CPU seconds per epoch, median over the regimes
                    cpu = statistics.median(x["cpuSecondsPerEpoch"] for x in r["training"]["regimes"])
                    info = {"build": r.get("build")}
                else:
                    r = python_framework(fw, args, csv, threads)
                    per = statistics.median(t[0] for ts in r["times"].values() for t in ts)
                    cpu = statistics.median(t[1] for ts in r["times"].values() for t in ts)
                    info = r["info"]
                results.setdefault((fw, threads), []).append(per)
                if threads == 1:
                    cpu_results.setdefault(fw, []).append(cpu)
                print(f"  round {rnd + 1}: {fw:9s} {threads} thread(s): {per * 1000:8.1f} ms per regime-epoch"
                      + (f" (CPU {cpu * 1000:.1f} ms)" if threads == 1 else "") +
                      f"   ({time.perf_counter() - t0:.0f} s)  {json.dumps(info)}", flush=True)

    others = [fw for fw in frameworks if fw != "normscope"]
    print()
    print("Seconds per regime-epoch (median of rounds) and how many times normscope's (median of per-round ratios):")
    print()
    print("| threads | " + " | ".join(f"{fw} s/epoch" for fw in frameworks) + " | " +
          " | ".join(f"{fw} / normscope" for fw in others) + " |")
    print("|---" * (1 + len(frameworks) + (len(others) if "normscope" in frameworks else 0)) + "|")
    summary = {}
    for threads in args.threads:
        row = [f"{statistics.median(results[(fw, threads)]):.4f}" for fw in frameworks]
        ratios = []
        if "normscope" in frameworks:
            ns = results[("normscope", threads)]
            for fw in others:
                rs = [o / n for o, n in zip(results[(fw, threads)], ns)]
                summary[f"{fw}/normscope/{threads}"] = statistics.median(rs)
                ratios.append(f"{statistics.median(rs):.1f}x")
        print(f"| {threads} | " + " | ".join(row) + (" | " + " | ".join(ratios) if ratios else "") + " |")
    if "normscope" in cpu_results and len(cpu_results) > 1:
        ns = cpu_results["normscope"]
        parts = []
        for fw in others:
            if fw in cpu_results:
                r = statistics.median(o / n for o, n in zip(cpu_results[fw], ns))
                summary[f"{fw}/normscope/cpu"] = r
                parts.append(f"{fw} {statistics.median(cpu_results[fw]):.4f} s ({r:.1f}x)")
        print()
        print(f"On CPU time, 1 thread (insensitive to other load on the machine): normscope "
              f"{statistics.median(ns):.4f} s per regime-epoch; " + "; ".join(parts))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"seconds": {f"{fw}/{t}": v for (fw, t), v in results.items()},
                       "cpuSeconds1Thread": cpu_results, "ratios": summary}, f, indent=1)
    shutil.rmtree(tmp, ignore_errors=True)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
