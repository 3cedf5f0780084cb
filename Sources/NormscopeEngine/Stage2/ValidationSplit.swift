/// Carving a validation split out of the training data, for choosing hyperparameters without the test set.
extension Dataset {
    /// The data set whose training part keeps all but `fraction` of each class's training samples and whose
    /// "test" part is the held-out rest (never the real test set). A class keeps
    /// `max(1, round(fraction * n))` of its n samples for validation when n >= 2, none when n = 1. The choice
    /// is random but fixed by `seed`.
    ///
    /// The held-out part is long-tailed like the training data; its mean per-class accuracy
    /// (`AccuracySummary.all`) weighs every class equally, like the balanced test set.
    func validationSplit(fraction: Double, seed: UInt64) -> Dataset {
        precondition(fraction > 0 && fraction < 1)
        var byClass = [[Int]](repeating: [], count: classCount)
        for (i, y) in trainLabels.enumerated() { byClass[Int(y)].append(i) }
        var trainX: [Float] = [], trainY: [Int] = [], valX: [Float] = [], valY: [Int] = []
        let d = dimension
        for k in 0..<classCount {
            var idx = byClass[k]
            var rng = SplitMix64(seed: seed, stream: "validation/\(k)")
            rng.shuffle(&idx)
            let held = idx.count >= 2 ? max(1, Int((fraction * Double(idx.count)).rounded())) : 0
            for (j, i) in idx.enumerated() {
                if j < held {
                    valX += trainFeatures[(i * d)..<((i + 1) * d)]; valY.append(k)
                } else {
                    trainX += trainFeatures[(i * d)..<((i + 1) * d)]; trainY.append(k)
                }
            }
        }
        return Dataset(name: name + "/validation", dimension: d, trainFeatures: trainX, trainLabels: trainY,
                       testFeatures: valX, testLabels: valY)
    }
}
