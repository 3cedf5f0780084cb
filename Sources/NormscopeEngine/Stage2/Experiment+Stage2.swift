/// Running stage 1 and then stage 2 in one session.
extension Experiment {
    /// Problems with running `stage2` after this experiment's regimes; empty when it can run.
    public func stage2Errors(_ stage2: Stage2Config) -> [String] {
        var e = stage2.validationErrors()
        let names = regimes.map(\.name)
        for b in stage2.bases where !names.contains(b) {
            e.append("--stage2-base \(b) is not among the trained regimes (--regimes \(names.joined(separator: ",")))")
        }
        return e
    }

    /// The results names of every regime of a run with `stage2`, in results order: the stage-1 regimes, then
    /// each base's variants.
    public func resultNames(stage2: Stage2Config?) -> [String] {
        regimes.map(\.name) + (stage2.map { s in s.bases.flatMap { b in s.variants.map { $0.resultName(base: b) } } } ?? [])
    }

    /// Trains every regime on `threads` threads, then (when `stage2` is given) continues each base with the
    /// stage-2 variants in the same session. `progress` and `shouldStop` work as in `run(threads:...)`; the
    /// histories passed to `progress` grow by the stage-2 ones once stage 1 is done.
    ///
    /// - Precondition: `stage2Errors(stage2)` is empty.
    public func run(threads: Int, timings: Bool = true, stage2: Stage2Config?,
                    progress: ([RegimeHistory]) -> Void = { _ in },
                    shouldStop: () -> Bool = { false }) -> ResultsFile {
        if let s = stage2 { precondition(stage2Errors(s).isEmpty, stage2Errors(s).joined(separator: "; ")) }
        let data = TrainingData(dataset)
        let stage1 = makeTrainers(data: data)
        let session = TrainingSession(trainers: stage1, threads: threads)
        session.start()
        var continuations: [Stage2Continuation] = []
        var skipped: [RegimeHistory] = []
        var seen: UInt64 = 0
        var interrupted = false
        func histories() -> [RegimeHistory] {
            let snap = session.snapshot()
            return Array(snap.prefix(stage1.count)) + stage2Histories(stage2, continuations, skipped, snap)
        }
        while true {
            if session.isFinished {
                guard let s = stage2, continuations.isEmpty && skipped.isEmpty else { break }
                (continuations, skipped) = startStage2(s, trainers: stage1)
                session.append(trainers: continuations.flatMap(\.trainers))
                progress(histories())
                continue
            }
            if shouldStop() { interrupted = true; break }
            let v = session.waitForChange(after: seen, timeout: 0.1)
            if v != seen { seen = v; progress(histories()) }
        }
        session.cancel()
        var all = histories()
        if !timings { for i in all.indices { all[i].seconds = 0 } }
        progress(all)
        let expected = Dictionary(uniqueKeysWithValues: resultNames(stage2: stage2).map { name in
            (name, Stage2Variant.parse(resultName: name).map { $0.variant.isPostHoc ? 0 : stage2!.epochs } ?? config.epochs)
        })
        let unfinished = all.contains { $0.diverged == nil && $0.epochsDone < (expected[$0.name] ?? 0) }
            || all.count < expected.count
        var recorded = runConfig
        recorded.stage2 = stage2
        return ResultsFile(config: recorded, classCounts: dataset.classCounts, classLabels: dataset.labels,
                           regimes: all, interrupted: interrupted && unfinished)
    }

    /// Builds the continuations of every base; a diverged base gets diverged placeholders instead.
    private func startStage2(_ s: Stage2Config, trainers: [RegimeTrainer])
        -> ([Stage2Continuation], [RegimeHistory]) {
        var conts: [Stage2Continuation] = []
        var skipped: [RegimeHistory] = []
        for b in s.bases {
            guard let t = trainers.first(where: { $0.plan.name == b }) else { continue }
            if let d = t.history.diverged {
                for v in s.variants {
                    skipped.append(RegimeHistory(name: v.resultName(base: b), diverged: Divergence(
                        epoch: 0, reason: "base regime \(b) diverged at epoch \(d.epoch)"), stageBoundary: 0))
                }
                continue
            }
            conts.append(Stage2.continuation(after: t, config: s))
        }
        return (conts, skipped)
    }

    /// The stage-2 histories in results order, the trained ones taken from the session's snapshot.
    private func stage2Histories(_ stage2: Stage2Config?, _ conts: [Stage2Continuation], _ skipped: [RegimeHistory],
                                 _ snapshot: [RegimeHistory]) -> [RegimeHistory] {
        var byName: [String: RegimeHistory] = [:]
        for h in skipped { byName[h.name] = h }
        for c in conts { for h in c.histories(trained: snapshot) { byName[h.name] = h } }
        return resultNames(stage2: stage2).dropFirst(regimes.count).compactMap { byName[$0] }
    }
}
