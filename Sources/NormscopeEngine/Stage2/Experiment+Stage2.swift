/// Running stage 1 and then stage 2 in one session.
extension Experiment {
    /// Problems with running `stage2` after this experiment's regimes; empty when it can run.
    package func stage2Errors(_ stage2: Stage2Config) -> [ConfigProblem] {
        var e = stage2.validationErrors()
        let names = regimes.map(\.name)
        for b in stage2.bases where !names.contains(b) {
            e.append(ConfigProblem(.stage2Bases, .notTrained(value: b, trained: names)))
        }
        return e
    }

    /// The results identities of every run with `stage2`, in results order: the stage-1 regimes, then
    /// each base's variants.
    func resultIDs(stage2: Stage2Config?) -> [RunID] {
        let stage1 = regimes.map { RunID($0) }
        guard let s = stage2 else { return stage1 }
        return stage1 + s.bases.compactMap(Regime.named).flatMap { b in s.variants.map { RunID(b, $0) } }
    }
}
