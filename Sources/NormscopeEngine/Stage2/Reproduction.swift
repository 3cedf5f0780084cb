/// `normscope reproduce`: the paper's Tables 1 and 2 on the synthetic analogue of CIFAR100-LT (or on read data,
/// thinned to each imbalance factor: `ReproduceConfig.data`).
///
/// For every imbalance factor: (1) on a validation split carved from the training data of the first seed,
/// train the `wd` model for each candidate weight decay and keep the one with the best mean per-class
/// validation accuracy, then choose tau for the tau-normalization the same way on that model; (2) for every
/// seed, train `naive` (WD = 0) and `wd` (the chosen WD) on the full training data; (3) rebalance each `wd`
/// model: post-hoc L2 and tau normalization and the three stage-2 retraining variants. The test set is only
/// used for the reported accuracies. Everything is deterministic for the config, whatever `threads` is.
package enum Reproduction {
    /// Progress of a reproduction: epochs done of all planned, and the phase under way.
    package struct Progress: Sendable {
        package var phase: String
        package var done: Int
        package var total: Int
    }

    /// Runs the reproduction; nil when `shouldStop` asked to stop. `timings: false` records 0 seconds.
    package static func run(_ config: ReproduceConfig, threads: Int, timings: Bool = true,
                           progress: (Progress) -> Void = { _ in },
                           shouldStop: () -> Bool = { false }) -> ReproduceReport? {
        precondition(config.validationErrors().isEmpty, config.validationErrors().map(\.description).joined(separator: "; "))
        let clock = ContinuousClock()
        let started = clock.now
        let total = totalEpochs(config)
        var driver = Driver(threads: threads, total: total)
        let data = trainingData(config, threads: threads)
        let keys = keys(config)

        // Phase 1: the search on validation splits, beside the naive models.
        let (search, searchData) = searchTrainers(config, threads: threads)
        let searchCount = search.count  // the trainers themselves go to the session
        let phase1 = search + Parallel.map(keys.indices, width: threads) { trainer(config, data, .naive, keys[$0], wd: 0) }
        guard let (searchRun, searchSnap) = driver.drive(phase1, stage2: nil, phase: { _ in "weight-decay search and naive models" },
                                                         progress, shouldStop) else { return nil }
        var naive: [Key: RunHistory] = [:]
        for (k, h) in zip(keys, searchSnap.stage1.dropFirst(searchCount)) { naive[k] = h }
        let selections = selections(config, searchData: searchData, run: searchRun, snapshot: searchSnap, threads: threads)

        // Phase 2: the wd models with the chosen weight decay, then stage 2 on each of them.
        let (wdModels, requests) = wdTrainers(config, data, selections, naive: naive)
        guard let (_, final) = driver.drive(wdModels, stage2: (config.stage2, requests),
                                            phase: { $0.stage2Started ? "stage 2" : "wd models" },
                                            progress, shouldStop) else { return nil }

        let notes = notes(keys, naive: naive, final: final)
        let rows = rows(config, data, keys, naive: naive, final: final)
        progress(Progress(phase: "done", done: total, total: total))
        return ReproduceReport(config: config, selections: selections, rows: rows, notes: notes,
                               seconds: timings ? (clock.now - started).seconds : 0)
    }

    /// The epochs of all phases: the search, the naive and wd models, and stage 2's retraining.
    static func totalEpochs(_ config: ReproduceConfig) -> Int {
        let e1 = config.training.epochs
        let retrain = config.stage2.variants.filter { !$0.isPostHoc }.count
        let runs = config.imbalances.count * config.seeds.count
        return (config.needsSearch ? config.imbalances.count * config.searchedWeightDecays.count * e1 : 0)
            + runs * 2 * e1 + runs * retrain * config.stage2.epochs
    }

    /// The data of every (imbalance, seed), generated once, side by side on `threads` threads (each data set
    /// has its own random streams, so the same data as one after the other).
    static func trainingData(_ config: ReproduceConfig, threads: Int) -> [Key: TrainingData] {
        let keys = keys(config)
        let made = Parallel.map(keys.indices, width: threads) { i in
            TrainingData(config.dataset(imbalance: keys[i].imbalance, seed: keys[i].seed))
        }
        return Dictionary(uniqueKeysWithValues: zip(keys, made))
    }

    /// A stage-1 trainer of `regime` on the data of `key`, with weight decay `wd`; `initial` may pass the
    /// epoch-0 evaluation of a trainer of the same key (same data, same initial weights, a plain classifier).
    static func trainer(_ config: ReproduceConfig, _ data: [Key: TrainingData], _ regime: Regime, _ key: Key,
                        wd: Double, initial: RegimeTrainer.InitialEvaluation? = nil) -> RegimeTrainer {
        var c = config.training
        c.seed = key.seed
        c.weightDecay = wd
        return finalOnly(RegimeTrainer(regime: regime, config: c, data: data[key]!, initial: initial))
    }

    /// `trainer`, evaluated after its last epoch only: the report reads nothing but final accuracies, so the
    /// test (or validation) pass of every other epoch (a quarter of a full-data epoch's work, 15 % of the
    /// whole reproduction's) would be spent on nothing.
    static func finalOnly(_ trainer: RegimeTrainer) -> RegimeTrainer {
        trainer.evaluatesEveryEpoch = false
        return trainer
    }

    /// The weight-decay search's trainers (every factor, every candidate, on the first seed's validation
    /// split) and those splits by factor; none when nothing is searched.
    ///
    /// The factors are prepared side by side on `threads` threads. A factor's candidates differ only in their
    /// weight decay, so they start from the same weights on the same split: the first evaluates epoch 0 and the
    /// others take its numbers over (what each would have computed).
    static func searchTrainers(_ config: ReproduceConfig, threads: Int) -> ([RegimeTrainer], [Double: TrainingData]) {
        guard config.needsSearch else { return ([], [:]) }
        let s0 = config.seeds[0]
        let groups = Parallel.map(config.imbalances.indices, width: threads) { n -> (TrainingData, [RegimeTrainer]) in
            let full = config.dataset(imbalance: config.imbalances[n], seed: s0)
            let split = TrainingData(full.validationSplit(fraction: config.validationFraction, seed: s0))
            var trainers: [RegimeTrainer] = []
            for wd in config.searchedWeightDecays {
                var c = config.training
                c.seed = s0
                c.weightDecay = wd
                let initial = trainers.first?.initialEvaluation
                trainers.append(finalOnly(RegimeTrainer(regime: .wd, config: c, data: split, initial: initial)))
            }
            return (split, trainers)
        }
        return (groups.flatMap(\.1), Dictionary(uniqueKeysWithValues: zip(config.imbalances, groups.map(\.0))))
    }

    /// The weight decay and tau chosen for every factor from the search's trained candidates.
    /// Each factor's choice is made on its own models and data, so the factors are chosen side by side on
    /// `threads` threads.
    static func selections(_ config: ReproduceConfig, searchData: [Double: TrainingData], run: StagedRun,
                           snapshot: RunSnapshot, threads: Int) -> [ReproduceReport.Selection] {
        Parallel.map(config.imbalances.indices, width: threads) { n in
            let f = config.imbalances[n]
            let per = config.searchedWeightDecays.count
            let candidates = searchData[f].map { data in
                (per * n..<per * (n + 1)).map { i in Candidate(history: snapshot.stage1[i], model: run.finishedStage1(i), data: data) }
            }
            return select(f, config: config, candidates: candidates)
        }
    }

    /// The wd models with each factor's chosen weight decay, in `keys` order, and stage 2's request on each.
    /// A wd model starts from the weights of the naive model of its key (same seed, same data, a plain
    /// classifier), so it takes over that model's recorded epoch-0 evaluation.
    static func wdTrainers(_ config: ReproduceConfig, _ data: [Key: TrainingData],
                           _ selections: [ReproduceReport.Selection],
                           naive: [Key: RunHistory]) -> ([RegimeTrainer], [StagedRun.Request]) {
        var wdModels: [RegimeTrainer] = []
        var requests: [StagedRun.Request] = []
        for (f, sel) in zip(config.imbalances, selections) {
            var s2 = config.stage2
            s2.bases = [.wd]
            s2.tau = sel.tau
            for s in config.seeds {
                let key = Key(f, s)
                let initial = naive[key].flatMap { RegimeTrainer.InitialEvaluation(recordedIn: $0) }
                requests.append(StagedRun.Request(base: wdModels.count, config: s2))
                wdModels.append(trainer(config, data, .wd, key, wd: sel.weightDecay, initial: initial))
            }
        }
        return (wdModels, requests)
    }

    /// What diverged and is left out of the table, one note each.
    static func notes(_ keys: [Key], naive: [Key: RunHistory], final: RunSnapshot) -> [String] {
        var notes: [String] = []
        func note(_ k: Key, _ text: String) { notes.append("IF \(ReproduceReport.format(k.imbalance)) seed \(k.seed): \(text); left out") }
        for (i, k) in keys.enumerated() {
            for h in [naive[k]!, final.stage1[i]] {
                if let d = h.diverged { note(k, "\(h.name) diverged at epoch \(d.epoch) (\(d.reason))") }
            }
        }
        for (h, b) in zip(final.stage2, final.stage2Bases) where final.stage1[b].diverged == nil {
            if let d = h.diverged { note(keys[b], "\(h.name) diverged at epoch \(d.epoch)") }
        }
        return notes
    }

    /// The table: a row per method run, a cell per factor over the seeds that did not diverge.
    static func rows(_ config: ReproduceConfig, _ data: [Key: TrainingData], _ keys: [Key],
                     naive: [Key: RunHistory], final: RunSnapshot) -> [ReproduceReport.Row] {
        var rows: [ReproduceReport.Row] = []
        for m in ReproduceMethod.allCases where m.variant == nil || config.stage2.variants.contains(m.variant!) {
            var cells: [ReproduceReport.Cell] = []
            for f in config.imbalances {
                var seeds: [UInt64] = [], accs: [AccuracySummary] = []
                for (i, k) in keys.enumerated() where k.imbalance == f {
                    let h: RunHistory?
                    switch m {
                    case .naive: h = naive[k]
                    case .wd: h = final.stage1[i]
                    default: h = m.variant.flatMap { final.stage2(of: i, $0) }
                    }
                    if let h, h.diverged == nil { seeds.append(k.seed); accs.append(h.accuracy) }
                }
                let groups = data[Key(f, config.seeds[0])]!.groups
                cells.append(ReproduceReport.Cell(imbalance: f, seeds: seeds, perSeed: accs,
                                                  groupSizes: ClassGroup.allCases.map { g in groups.filter { $0 == g }.count }))
            }
            rows.append(ReproduceReport.Row(method: m, title: m.title, cells: cells, paper: m.paper))
        }
        return rows
    }

    /// A weight-decay candidate of the search: its history and, unless it diverged, its trained model.
    struct Candidate {
        let history: RunHistory
        let model: RegimeTrainer?
        let data: TrainingData
    }

    /// The chosen weight decay and tau for imbalance factor `f`: the best mean per-class validation accuracy
    /// (ties: the first candidate); fixed values are kept.
    static func select(_ f: Double, config: ReproduceConfig, candidates: [Candidate]?) -> ReproduceReport.Selection {
        guard let candidates else {
            return .init(imbalance: f, weightDecayScores: [], weightDecay: config.weightDecay!, tauScores: [], tau: config.tau!)
        }
        let wdScores = zip(config.searchedWeightDecays, candidates).map { wd, c in
            ReproduceReport.Score(value: wd, accuracy: c.history.diverged == nil ? c.history.accuracy.all : -1)
        }
        let bestIndex = best(wdScores)
        let wd = config.weightDecay ?? wdScores[bestIndex].value
        guard config.tau == nil, let model = candidates[bestIndex].model else {
            return .init(imbalance: f, weightDecayScores: config.weightDecay == nil ? wdScores : [], weightDecay: wd,
                         tauScores: [], tau: config.tau ?? config.stage2.tau)
        }
        let feats = Stage2.features(of: model.network, data: candidates[bestIndex].data)
        let tauScores = config.tauGrid.map { tau in
            ReproduceReport.Score(value: tau, accuracy: Stage2.normalized(base: model.network, id: RunID(.wd, .posthocTau),
                                                                          tau: tau, features: feats).accuracy.all)
        }
        return .init(imbalance: f, weightDecayScores: config.weightDecay == nil ? wdScores : [], weightDecay: wd,
                     tauScores: tauScores, tau: tauScores[best(tauScores)].value)
    }

    /// The index of the highest score, the first among equals.
    static func best(_ scores: [ReproduceReport.Score]) -> Int {
        var b = 0
        for i in scores.indices where scores[i].accuracy > scores[b].accuracy { b = i }
        return b
    }

    static func keys(_ c: ReproduceConfig) -> [Key] { c.imbalances.flatMap { f in c.seeds.map { Key(f, $0) } } }

    /// An (imbalance factor, seed) pair.
    struct Key: Hashable {
        let imbalance: Double
        let seed: UInt64
        init(_ imbalance: Double, _ seed: UInt64) { self.imbalance = imbalance; self.seed = seed }
    }

    /// Runs groups of trainers through `StagedRun`s and reports progress over all phases.
    struct Driver {
        let threads: Int
        let total: Int
        var done = 0

        /// Trains `trainers` to the end, then `stage2`'s continuations; nil when stopped.
        mutating func drive(_ trainers: sending [RegimeTrainer], stage2: (Stage2Config, [StagedRun.Request])?,
                            phase: (RunSnapshot) -> String, _ progress: (Progress) -> Void,
                            _ shouldStop: () -> Bool) -> (StagedRun, RunSnapshot)? {
            let base = done
            let run = StagedRun(stage1: trainers, threads: threads)
            let complete = run.runToEnd(stage2: stage2?.0, requests: stage2?.1, progress: { snap in
                progress(Progress(phase: phase(snap), done: base + snap.epochsDone, total: total))
            }, shouldStop: shouldStop)
            guard complete else { return nil }
            let snap = run.snapshot()
            done = base + snap.epochsDone
            progress(Progress(phase: phase(snap), done: done, total: total))
            return (run, snap)
        }
    }
}
