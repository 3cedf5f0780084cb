/// Running stage 1 and then stage 2 in one session.
extension Experiment {
    /// Problems with running `stage2` after this experiment's regimes; empty when it can run.
    package func stage2Errors(_ stage2: Stage2Config) -> [ConfigProblem] {
        var e = stage2.validationErrors()
        for b in stage2.bases where !regimes.contains(b) {
            e.append(ConfigProblem(.stage2Bases, .notTrained(b, trained: regimes)))
        }
        return e
    }

    /// The results identities of every run with `stage2`, in results order: the stage-1 regimes, then
    /// each base's variants.
    func resultIDs(stage2: Stage2Config?) -> [RunID] {
        let stage1 = regimes.map { RunID($0) }
        guard let s = stage2 else { return stage1 }
        return stage1 + s.bases.flatMap { b in s.variants.map { RunID(b, $0) } }
    }
}
