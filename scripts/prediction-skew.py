#!/usr/bin/env python3
"""Where the test predictions go, per run of a results file: the numbers of docs/experiment.md.

Usage: scripts/prediction-skew.py RESULTS.json [EPOCH]

For each run (stage-1 regimes and stage-2 variants), at its last recorded epoch (or the recorded epoch closest
to EPOCH for stage-1 regimes): the share of test predictions that go to the Many classes and to the Few classes
(training count > 100 / < 20, as normscope groups them), each against its share of the test set, and their ratio
(1 = unbiased; above 1 for Many and below 1 for Few = predictions drift to the head), plus the Spearman rank
correlation between a class's final norm and how often it is predicted. Needs a results file with
`predictionCounts` and `testClassCounts` (normscope 0.2.0 after issue 18; older files have neither).
"""
import json, sys


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):  # ties share their mean rank
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va, vb = sum((x - ma) ** 2 for x in ra), sum((y - mb) ** 2 for y in rb)
    return cov / (va * vb) ** 0.5 if va > 0 and vb > 0 else float("nan")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2])
    r = json.load(open(sys.argv[1]))
    if "testClassCounts" not in r:
        sys.exit(f"{sys.argv[1]}: no testClassCounts: written before prediction counts were recorded; run it again")
    want = int(sys.argv[2]) if len(sys.argv) == 3 else None
    groups = ["many" if c > 100 else "few" if c < 20 else "medium" for c in r["classCounts"]]
    test = r["testClassCounts"]

    def share(counts, g):
        total = sum(counts)
        return sum(c for c, x in zip(counts, groups) if x == g) / total if total else float("nan")

    print(f"test set: Many {100 * share(test, 'many'):.1f}%, Few {100 * share(test, 'few'):.1f}% of {sum(test)} samples")
    print(f"{'run':<20} {'epoch':>5}  {'Many %':>6} {'ratio':>5}  {'Few %':>6} {'ratio':>5}  rho(norm, predicted)")
    for run in r["regimes"]:
        counts, epochs = run.get("predictionCounts"), run["epochs"]
        if not counts:
            print(f"{run['name']:<20} no prediction counts")
            continue
        i = len(epochs) - 1
        if want is not None and ">" not in run["name"]:
            i = min(range(len(epochs)), key=lambda k: abs(epochs[k] - want))
        c = counts[i]
        many, few = share(c, "many"), share(c, "few")
        print(f"{run['name']:<20} {epochs[i]:>5}  {100 * many:6.1f} {many / share(test, 'many'):5.2f}  "
              f"{100 * few:6.1f} {few / share(test, 'few'):5.2f}  {spearman(run['norms'][i], c):.2f}")


if __name__ == "__main__":
    main()
