/// A stage-1 experiment: one data set, one config, several regimes trained from the same initial weights.
package struct Experiment: Sendable {
    package let dataset: Dataset
    package let origin: DataOrigin
    package let config: TrainingConfig
    package let regimes: [Regime]

    package init(dataset: Dataset, origin: DataOrigin, config: TrainingConfig, regimes: [Regime] = Regime.all) {
        self.dataset = dataset
        self.origin = origin
        self.config = config
        self.regimes = regimes
    }

    /// The experiment on the data of `recipe`, generated from the config's seed.
    package init(recipe: DatasetRecipe, config: TrainingConfig, regimes: [Regime] = Regime.all) {
        let data = SyntheticGenerator.generate(recipe, seed: config.seed)
        self.init(dataset: data, origin: DataOrigin(recipe: recipe, file: nil, dataset: data), config: config,
                  regimes: regimes)
    }

    /// One trainer per regime, all starting from the same initial network.
    package func makeTrainers(data: TrainingData, threads: Int = 1) -> [RegimeTrainer] {
        // Every regime starts from the same weights, so its epoch-0 evaluation depends only on whether its
        // classifier is L2-normalised: the first regime of each kind evaluates (side by side on `threads`
        // threads: a live restart waits for them), the others take its numbers over. Same trainers as each
        // evaluating its own (MakeTrainersTests).
        let kinds = regimes.indices.filter { i in !regimes[..<i].contains { $0.l2Normalized == regimes[i].l2Normalized } }
        let first = Parallel.map(kinds.indices, width: threads) { RegimeTrainer(regime: regimes[kinds[$0]], config: config, data: data) }
        return regimes.indices.map { i in
            if let k = kinds.firstIndex(of: i) { return first[k] }
            let model = first[kinds.firstIndex { regimes[$0].l2Normalized == regimes[i].l2Normalized }!]
            return RegimeTrainer(regime: regimes[i], config: config, data: data, initial: model.initialEvaluation)
        }
    }

    /// The configuration recorded in results.
    package var runConfig: RunConfig { RunConfig(dataset: origin, training: config, regimes: regimes) }

    /// Trains every regime on `threads` threads, then (when `stage2` is given) continues each base with the
    /// stage-2 variants in the same session. `progress` is called (on the calling thread) whenever an epoch
    /// finishes; `shouldStop` is polled a few times a second and, when true, stops after the epochs under way
    /// and returns what was trained so far with `interrupted` set.
    ///
    /// - Precondition: `stage2Errors(stage2)` is empty.
    package func run(threads: Int, timings: Bool = true, stage2: Stage2Config? = nil,
                    progress: (RunSnapshot) -> Void = { _ in },
                    shouldStop: () -> Bool = { false }) -> ResultsFile {
        if let s = stage2 { precondition(stage2Errors(s).isEmpty, stage2Errors(s).map(\.description).joined(separator: "; ")) }
        let run = StagedRun(stage1: makeTrainers(data: TrainingData(dataset), threads: threads), threads: threads, changes: config.changes)
        let complete = run.runToEnd(stage2: stage2, progress: progress, shouldStop: shouldStop)
        let snapshot = run.snapshot()
        progress(snapshot)
        var results = results(of: snapshot, stage2: run.stage2Config, interrupted: !complete,
                              changes: run.session.changes)
        if !timings { results = results.withoutTimings() }
        return results
    }

    /// The results file of `snapshot`, a run of this experiment; `changes` (default: the config's) are the
    /// changes the run was trained with, as its session scheduled them.
    package func results(of snapshot: RunSnapshot, stage2: Stage2Config?, interrupted: Bool,
                         changes: [ConfigChange]? = nil) -> ResultsFile {
        var recorded = runConfig
        recorded.stage2 = stage2
        if let changes { recorded.training.changes = changes }
        return ResultsFile(config: recorded, classCounts: dataset.classCounts, classLabels: dataset.labels,
                           runs: snapshot.all, interrupted: interrupted, testClassCounts: dataset.testClassCounts)
    }
}
