/// `normscope reproduce`: the paper's Tables 1 and 2 on the synthetic analogue of CIFAR100-LT.
///
/// For every imbalance factor: (1) on a validation split carved from the training data of the first seed,
/// train the `wd` model for each candidate weight decay and keep the one with the best mean per-class
/// validation accuracy, then choose tau for the tau-normalization the same way on that model; (2) for every
/// seed, train `naive` (WD = 0) and `wd` (the chosen WD) on the full training data; (3) rebalance each `wd`
/// model: post-hoc L2 and tau normalization and the three stage-2 retraining variants. The test set is only
/// used for the reported accuracies. Everything is deterministic for the config, whatever `threads` is.
public enum Reproduction {
    /// Progress of a reproduction: epochs done of all planned, and the phase under way.
    public struct Progress: Sendable {
        public var phase: String
        public var done: Int
        public var total: Int
    }

    /// Runs the reproduction; nil when `shouldStop` asked to stop. `timings: false` records 0 seconds.
    public static func run(_ config: ReproduceConfig, threads: Int, timings: Bool = true,
                           progress: (Progress) -> Void = { _ in },
                           shouldStop: () -> Bool = { false }) -> ReproduceReport? {
        precondition(config.validationErrors().isEmpty, config.validationErrors().joined(separator: "; "))
        let clock = ContinuousClock()
        let started = clock.now
        let e1 = config.training.epochs
        let retrain = config.stage2.variants.filter { !$0.isPostHoc }.count
        let runs = config.imbalances.count * config.seeds.count
        let total = (config.needsSearch ? config.imbalances.count * config.searchedWeightDecays.count * e1 : 0)
            + runs * 2 * e1 + runs * retrain * config.stage2.epochs
        var driver = Driver(threads: threads, total: total)

        // Data of every (imbalance, seed), generated once.
        var data: [Key: TrainingData] = [:]
        for f in config.imbalances {
            for s in config.seeds { data[Key(f, s)] = TrainingData(SyntheticGenerator.generate(config.recipe(imbalance: f), seed: s)) }
        }
        func stage1(_ regime: Regime, _ f: Double, _ s: UInt64, wd: Double) -> RegimeTrainer {
            var c = config.training
            c.seed = s
            c.weightDecay = wd
            return RegimeTrainer(regime: regime, config: c, data: data[Key(f, s)]!)
        }

        // Phase 1: the search on validation splits, beside the naive models.
        var search: [Double: [RegimeTrainer]] = [:]
        if config.needsSearch {
            let s0 = config.seeds[0]
            for f in config.imbalances {
                let full = SyntheticGenerator.generate(config.recipe(imbalance: f), seed: s0)
                let split = TrainingData(full.validationSplit(fraction: config.validationFraction, seed: s0))
                search[f] = config.searchedWeightDecays.map { wd in
                    var c = config.training
                    c.seed = s0
                    c.weightDecay = wd
                    return RegimeTrainer(regime: .wd, config: c, data: split)
                }
            }
        }
        var naive: [Key: RegimeTrainer] = [:]
        for f in config.imbalances { for s in config.seeds { naive[Key(f, s)] = stage1(.naive, f, s, wd: 0) } }
        let phase1 = config.imbalances.flatMap { search[$0] ?? [] } + keys(config).map { naive[$0]! }
        guard driver.drive(phase1, phase: "weight-decay search and naive models", progress, shouldStop) else { return nil }

        var selections: [ReproduceReport.Selection] = []
        for f in config.imbalances {
            selections.append(select(f, config: config, candidates: search[f]))
        }

        // Phase 2: the wd models with the chosen weight decay.
        var wdModels: [Key: RegimeTrainer] = [:]
        for (f, sel) in zip(config.imbalances, selections) {
            for s in config.seeds { wdModels[Key(f, s)] = stage1(.wd, f, s, wd: sel.weightDecay) }
        }
        guard driver.drive(keys(config).map { wdModels[$0]! }, phase: "wd models", progress, shouldStop) else { return nil }

        // Phase 3: stage 2 on every wd model.
        var notes: [String] = []
        var continuations: [Key: Stage2Continuation] = [:]
        for (f, sel) in zip(config.imbalances, selections) {
            var s2 = config.stage2
            s2.bases = ["wd"]
            s2.tau = sel.tau
            for s in config.seeds {
                let k = Key(f, s)
                for (name, t) in [("naive", naive[k]!), ("wd", wdModels[k]!)] {
                    if let d = t.history.diverged {
                        notes.append("IF \(ReproduceReport.format(f)) seed \(s): \(name) diverged at epoch \(d.epoch) (\(d.reason)); left out")
                    }
                }
                if wdModels[k]!.history.diverged == nil {
                    continuations[k] = Stage2.continuation(after: wdModels[k]!, config: s2)
                } else {
                    driver.skip(retrain * config.stage2.epochs)
                }
            }
        }
        guard driver.drive(keys(config).flatMap { continuations[$0]?.trainers ?? [] }, phase: "stage 2", progress, shouldStop) else { return nil }
        for k in keys(config) {
            for h in continuations[k]?.histories() ?? [] where h.diverged != nil {
                notes.append("IF \(ReproduceReport.format(k.imbalance)) seed \(k.seed): \(h.name) diverged at epoch \(h.diverged!.epoch); left out")
            }
        }

        // The table.
        var rows: [ReproduceReport.Row] = []
        for m in ReproduceMethod.allCases where m.variant == nil || config.stage2.variants.contains(m.variant!) {
            var cells: [ReproduceReport.Cell] = []
            for f in config.imbalances {
                var seeds: [UInt64] = [], accs: [AccuracySummary] = []
                for s in config.seeds {
                    let k = Key(f, s)
                    let h: RegimeHistory?
                    switch m {
                    case .naive: h = naive[k]!.history
                    case .wd: h = wdModels[k]!.history
                    default: h = continuations[k]?.histories().first { $0.name == m.rawValue }
                    }
                    if let h, h.diverged == nil { seeds.append(s); accs.append(h.accuracy) }
                }
                let groups = data[Key(f, config.seeds[0])]!.groups
                cells.append(ReproduceReport.Cell(imbalance: f, seeds: seeds, perSeed: accs,
                                                  groupSizes: ClassGroup.allCases.map { g in groups.filter { $0 == g }.count }))
            }
            rows.append(ReproduceReport.Row(method: m, title: m.title, cells: cells, paper: m.paper))
        }
        progress(Progress(phase: "done", done: total, total: total))
        return ReproduceReport(config: config, selections: selections, rows: rows, notes: notes,
                               seconds: timings ? (clock.now - started).seconds : 0)
    }

    /// The chosen weight decay and tau for imbalance factor `f`: the best mean per-class validation accuracy
    /// (ties: the first candidate); fixed values are kept.
    static func select(_ f: Double, config: ReproduceConfig, candidates: [RegimeTrainer]?) -> ReproduceReport.Selection {
        guard let candidates else {
            return .init(imbalance: f, weightDecayScores: [], weightDecay: config.weightDecay!, tauScores: [], tau: config.tau!)
        }
        let wdScores = zip(config.searchedWeightDecays, candidates).map { wd, t in
            ReproduceReport.Score(value: wd, accuracy: t.history.diverged == nil ? t.history.accuracy.all : -1)
        }
        let bestIndex = best(wdScores)
        let wd = config.weightDecay ?? wdScores[bestIndex].value
        guard config.tau == nil else {
            return .init(imbalance: f, weightDecayScores: config.weightDecay == nil ? wdScores : [], weightDecay: wd,
                         tauScores: [], tau: config.tau!)
        }
        let model = candidates[bestIndex]
        let feats = Stage2.features(of: model.network, data: model.data)
        let tauScores = config.tauGrid.map { tau in
            ReproduceReport.Score(value: tau, accuracy: Stage2.normalized(base: model.network, name: "tau", tau: tau,
                                                                          features: feats).accuracy.all)
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

    /// Runs groups of trainers in sessions and reports progress over all phases.
    struct Driver {
        let threads: Int
        let total: Int
        var done = 0

        /// Counts `epochs` that will not be run.
        mutating func skip(_ epochs: Int) { done += epochs }

        /// Trains `trainers` to the end; false when stopped.
        mutating func drive(_ trainers: [RegimeTrainer], phase: String, _ progress: (Progress) -> Void,
                            _ shouldStop: () -> Bool) -> Bool {
            let base = done
            let planned = trainers.map(\.plan.epochs)
            func report(_ hs: [RegimeHistory]) -> Int {
                zip(hs, planned).map { h, p in h.diverged != nil ? p : min(p, h.epochsDone) }.reduce(0, +)
            }
            progress(Progress(phase: phase, done: base, total: total))
            guard !trainers.isEmpty else { return true }
            let session = TrainingSession(trainers: trainers, threads: threads)
            session.start()
            var seen: UInt64 = 0
            while !session.isFinished {
                if shouldStop() { session.cancel(); return false }
                let v = session.waitForChange(after: seen, timeout: 0.1)
                if v != seen { seen = v; progress(Progress(phase: phase, done: base + report(session.snapshot()), total: total)) }
            }
            session.cancel()
            done = base + planned.reduce(0, +)
            progress(Progress(phase: phase, done: done, total: total))
            return true
        }
    }
}
