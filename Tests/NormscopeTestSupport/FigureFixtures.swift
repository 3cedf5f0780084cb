import NormscopeEngine

/// Made-up results for the figure's tests (SVG, PNG, GIF): five stage-1 regimes whose norms grow over the
/// epochs, each less than the one before, longest on the head classes, and optionally the five stage-2 variants
/// on the `wd` base.
package enum FigureFixtures {
    /// A results file over `epochs` epochs and `classes` classes, with stage 2 when `stage2`.
    package static func results(epochs: Int = 12, classes: Int = 10, stage2: Bool = true) -> ResultsFile {
        let recipe = DatasetRecipe(name: "fig", classes: classes, dimension: 4, maxPerClass: 60, imbalance: 10,
                                   testPerClass: 2, modesPerClass: 1, latentDimension: 2, noise: 0.5)
        let data = SyntheticGenerator.generate(recipe, seed: 1)
        var config = RunConfig(dataset: DataOrigin(recipe: recipe, file: nil, dataset: data),
                               training: TrainingConfig(hidden: [8], epochs: epochs), regimes: Regime.all)
        var regimes = Regime.all.enumerated().map { i, r in
            history(RunID(r), epochs: epochs, rows: (0...epochs).map { e in
                (0..<classes).map { k in 0.3 + Double(e) / Double(epochs) * (1.7 - Double(i) * 0.3) * Double(classes - k) / Double(classes) }
            })
        }
        if stage2 {
            config.stage2 = Stage2Config()
            let base = regimes[2].finalNorms
            for (vi, v) in Stage2Variant.all.enumerated() {
                let rows = v.isPostHoc ? [base.map { _ in 1.0 - 0.2 * Double(vi) }]
                    : [base] + (1...3).map { e in base.map { $0 / Double(e + vi) } }
                var h = history(RunID(.wd, v), epochs: rows.count - 1, rows: rows)
                h.stage2StartEpoch = 0
                regimes.append(h)
            }
        }
        return ResultsFile(config: config, classCounts: recipe.classCounts, classLabels: Array(0..<classes), runs: regimes)
    }

    /// A history whose `rows[e]` are the norms after epoch e (accuracy zero).
    package static func history(_ id: RunID, epochs: Int, rows: [[Double]]) -> RunHistory {
        let zero = AccuracySummary(all: 0, many: 0, medium: 0, few: 0)
        return RunHistory(id: id, plannedEpochs: epochs, records: rows.enumerated().map {
            EpochRecord(epoch: $0.offset, norms: $0.element, trainLoss: 0, accuracy: zero)
        })
    }
}
