import Foundation

extension ReproduceReport {
    /// The report as Markdown: the table beside the paper's numbers, the chosen hyperparameters, the claims.
    /// `command` (the command line) and `threads` are printed when given.
    package func markdown(command: String? = nil, threads: Int? = nil) -> String {
        let (data, dimension, classes) = dataSection()
        let out = data + setupLines(dimension: dimension, classes: classes) + [""] + tableLines() + [""]
            + selectionLines() + claimLines() + ["", footer(command: command, threads: threads)]
        return out.joined(separator: "\n") + "\n"
    }

    /// The title and the data paragraph, with the input width and class count of the network.
    func dataSection() -> (lines: [String], dimension: Int, classes: Int) {
        let c = config
        let r = c.recipe
        let factors = c.imbalances.map { Self.format($0) }.joined(separator: ", ")
        let seedList = c.seeds.map(String.init).joined(separator: ", ")
        if let d = c.data {
            let counts = d.classCounts
            let source = c.dataOrigin?.provenance.map { "; \($0.source), \($0.license)" } ?? ""
            return (["# Long-tailed recognition via weight balancing: Tables 1 and 2 on \(DisplayText.escape(d.name))", "",
                     "Data: `\(DisplayText.escape(d.name))` (\(d.classCount) classes, \(d.dimension) features, \(d.trainCount) training samples, "
                       + "\(counts.first ?? 0) down to \(counts.last ?? 0), \(d.testCount) test samples\(source)); its training "
                       + "part thinned to the exponential profile from n_max \(counts.first ?? 0) at imbalance factors \(factors) "
                       + "(at its own factor, \(Self.format(d.imbalanceFactor)), it is used as it is); seeds \(seedList)."],
                    d.dimension, d.classCount)
        }
        // Named as run: only the CIFAR100-LT analogue's shape is called that (the imbalance varies by column).
        var shape = r
        shape.imbalance = DatasetRecipe.cifar100LTAnalogue.imbalance
        let kind = shape == .cifar100LTAnalogue ? "the synthetic analogue of CIFAR100-LT" : "synthetic"
        return (["# Long-tailed recognition via weight balancing: Tables 1 and 2 on synthetic data", "",
                 "Data: `\(DisplayText.escape(r.name))`, \(kind) (\(r.classes) classes, n_max \(r.maxPerClass), "
                   + "\(r.profile.rawValue) profile, \(r.testPerClass) balanced test samples per class), imbalance factors "
                   + factors + "; seeds " + seedList + "."],
                r.dimension, r.classes)
    }

    /// The training settings of both stages and what the cells hold.
    func setupLines(dimension: Int, classes: Int) -> [String] {
        let c = config
        let t = c.training
        let widths = ([dimension] + t.hidden + [classes]).map(String.init).joined(separator: "-")
            + (t.usesBatchNorm ? " with batch normalization after every hidden layer" : "")
        let paperColumns = c.imbalances.contains { ReproduceMethod.naive.paper.all(imbalance: $0) != nil }
        return [
            "Stage 1: MLP \(widths), \(t.epochs) epoch\(t.epochs == 1 ? "" : "s"), SGD lr \(Self.format(t.learningRate)) cosine, momentum "
                   + "\(Self.format(t.momentum)), batch \(t.batchSize). Stage 2 on the `wd` model's frozen features: "
                   + "\(c.stage2.epochs) epoch\(c.stage2.epochs == 1 ? "" : "s"), lr \(Self.format(c.stage2.learningRate)) cosine, WD \(Self.format(c.stage2.weightDecay)), "
                   + "class-balanced loss (beta \(Self.format(c.stage2.beta))), MaxNorm t = \(Self.format(c.stage2.maxNormThresh)) "
                   + "(per \(c.stage2.maxNormEvery.rawValue)).",
            "Cells: accuracy in percent, mean ± standard deviation over \(c.seeds.count) seed\(c.seeds.count == 1 ? "" : "s"); "
                   + (paperColumns ? "in brackets the paper's number (ResNet34 on real CIFAR100-LT)"
                                   : "the paper gives no numbers at these imbalance factors (only 100, 50, 10)")
                   + ". Many / Medium / Few are at IF \(Self.format(c.imbalances[0]))."]
    }

    /// The table: a row per method, Many / Medium / Few at the first factor, then All at every factor.
    func tableLines() -> [String] {
        let c = config
        let first = c.imbalances[0]
        var header = "| Method | Many | Medium | Few | All IF\(Self.format(first)) |"
        var rule = "|---|---:|---:|---:|---:|"
        for f in c.imbalances.dropFirst() { header += " All IF\(Self.format(f)) |"; rule += "---:|" }
        var out = [header, rule]
        for row in rows {
            var line = "| \(row.title) |"
            let cell0 = row.cell(first)
            let p = row.paper
            let paper100 = first == 100
            line += " \(Self.cell(cell0, \.many, group: 0, paper: paper100 ? p.many : nil)) |"
            line += " \(Self.cell(cell0, \.medium, group: 1, paper: paper100 ? p.medium : nil)) |"
            line += " \(Self.cell(cell0, \.few, group: 2, paper: paper100 ? p.few : nil)) |"
            for f in c.imbalances { line += " \(Self.cell(row.cell(f), \.all, group: nil, paper: p.all(imbalance: f))) |" }
            out.append(line)
        }
        return out
    }

    /// The hyperparameters chosen on the validation split, a row per factor, and a blank line; none when fixed.
    func selectionLines() -> [String] {
        let c = config
        var out: [String] = []
        if !selections.isEmpty {
            out.append("Chosen without the test set, on a validation split of seed \(c.seeds[0]) "
                       + "(\(Self.format(c.validationFraction * 100)) % of each class's training samples held out; "
                       + "score: mean per-class validation accuracy of the `wd` model):")
            out.append("")
            out.append("| IF | weight decay: validation accuracy | chosen WD | chosen tau (validation accuracy) |")
            out.append("|---:|---|---:|---:|")
            for s in selections {
                let wds = s.weightDecayScores.isEmpty ? "fixed" : s.weightDecayScores.map {
                    "\(Self.format($0.value)): \(String(format: "%.1f", $0.accuracy))" }.joined(separator: ", ")
                let tauScore = s.tauScores.first { $0.value == s.tau }.map { String(format: " (%.1f)", $0.accuracy) } ?? " (fixed)"
                out.append("| \(Self.format(s.imbalance)) | \(wds) | \(Self.format(s.weightDecay)) | \(Self.format(s.tau))\(tauScore) |")
            }
            out.append("")
        }
        return out
    }

    /// The paper's claims, checked on this data, and the notes on what was left out.
    func claimLines() -> [String] {
        var out: [String] = []
        out.append("The paper's claims on this data (ours, and in brackets whether the paper's own numbers show it; "
                   + "\"within the seeds' spread\": some difference is smaller than sqrt(sd_a² + sd_b²)):")
        out.append("")
        for cl in claims {
            var ours = cl.holds.map { $0 ? "holds" : "does not hold" } ?? "not checked"
            if cl.clear == false { ours += ", within the seeds' spread" }
            let paper = cl.paperHolds.map { $0 ? "paper: yes" : "paper: no" } ?? "paper: no number"
            out.append("- **\(ours)** (\(paper)): \(cl.statement). \(cl.detail)")
        }
        if !notes.isEmpty {
            out.append("")
            for n in notes { out.append("- Note: \(n)") }
        }
        return out
    }

    /// The closing line: the command, the wall time and the threads, the program's version.
    func footer(command: String?, threads: Int?) -> String {
        var footer: [String] = []
        if let command { footer.append("Command: `\(command)`") }
        if seconds > 0 {
            footer.append(String(format: "wall time %.0f s", seconds) + (threads.map { " on \($0) thread\($0 == 1 ? "" : "s")" } ?? ""))
        }
        footer.append("normscope \(program.version)")
        return footer.joined(separator: "; ") + "."
    }

    /// "81.1 ± 0.4 [64.05]", "—" for an empty group or no data.
    static func cell(_ c: Cell?, _ key: KeyPath<AccuracySummary, Double>, group: Int?, paper: Double?) -> String {
        let paperText = paper.map { String(format: " [%.2f]", $0) } ?? ""
        guard let c, !c.perSeed.isEmpty, group.map({ c.groupSizes[$0] > 0 }) ?? true else { return "—" + paperText }
        let m = c.mean[keyPath: key], s = c.spread[keyPath: key]
        let spreadText = c.perSeed.count > 1 ? String(format: " ± %.1f", s) : ""
        return String(format: "%.1f", m) + spreadText + paperText
    }
}
