/// Thinning a data set's training part to another imbalance factor, for `normscope reproduce` on data that
/// are read (a CSV file, the built-in digits) rather than generated.
extension Dataset {
    /// The data's own imbalance factor: training samples of the most frequent class over the least frequent's.
    package var imbalanceFactor: Double {
        let c = classCounts
        return Double(c.first ?? 1) / Double(max(1, c.last ?? 1))
    }

    /// Training samples per class (most frequent first) that the exponential profile asks for at imbalance
    /// factor `imbalance`, from this data's most frequent class: `floor(n_0 (1/IF)^(k/(C-1)))`, at least 1.
    func resampledCounts(imbalance: Double) -> [Int] {
        ImbalanceProfile.exponential.counts(classes: classCount, maxPerClass: max(1, classCounts.first ?? 1),
                                            imbalance: imbalance)
    }

    /// Why the training part cannot be thinned to `imbalance` (a class has fewer samples than the profile asks
    /// for), or nil when it can.
    func resampleProblem(imbalance: Double) -> String? {
        let have = classCounts
        for (k, need) in resampledCounts(imbalance: imbalance).enumerated() where need > have[k] {
            return "\(name) cannot be thinned to imbalance factor \(ReproduceReport.format(imbalance)): class \(labels[k]) "
                + "(rank \(k + 1) of \(classCount)) has \(have[k]) training samples, the exponential profile from the "
                + "most frequent class's \(have[0]) needs \(need); its own factor is \(ReproduceReport.format(imbalanceFactor)) "
                + "— give factors of at least that"
        }
        return nil
    }

    /// This data set with its training part thinned to the exponential profile at `imbalance`: class k keeps
    /// `resampledCounts(imbalance:)[k]` of its samples, chosen at random by `seed` and kept in their original
    /// order; the test part is unchanged. A class already at its count keeps every sample, so at a factor its
    /// counts already follow (the digits at IF 20) the data come back unchanged.
    ///
    /// - Precondition: `resampleProblem(imbalance:)` is nil.
    func resampled(imbalance: Double, seed: UInt64) -> Dataset {
        precondition(resampleProblem(imbalance: imbalance) == nil, resampleProblem(imbalance: imbalance) ?? "")
        let want = resampledCounts(imbalance: imbalance)
        var byClass = [[Int]](repeating: [], count: classCount)
        for (i, y) in trainLabels.enumerated() { byClass[Int(y)].append(i) }
        var keep = [Bool](repeating: false, count: trainCount)
        for k in 0..<classCount {
            var idx = byClass[k]
            if want[k] < idx.count {
                var rng = SplitMix64(seed: seed, stream: "resample/\(k)")
                rng.shuffle(&idx)
            }
            for i in idx.prefix(want[k]) { keep[i] = true }
        }
        let d = dimension
        var x: [Float] = [], y: [Int] = []
        x.reserveCapacity(want.reduce(0, +) * d)
        for i in 0..<trainCount where keep[i] {
            x += trainFeatures[(i * d)..<((i + 1) * d)]
            y.append(labels[Int(trainLabels[i])])
        }
        let kept = Dataset(name: name, dimension: d, trainFeatures: x, trainLabels: y, testFeatures: testFeatures,
                           testLabels: testLabels.map { labels[Int($0)] })
        return kept
    }
}
