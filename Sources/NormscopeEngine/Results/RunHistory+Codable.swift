/// The results-file form of a history: one array per measurement, and `epochs` naming the epoch of each
/// entry. Reading checks what a damaged or hand-edited file could get wrong, so no reader ever meets a
/// misaligned history; files of version 0.1.0 (`normEpochs`, absent for short runs) still read, and older files
/// (without `classAccuracyHistory` and `predictionCounts`) read with those fields empty.
extension RunHistory: Codable {
    enum CodingKeys: String, CodingKey {
        case name, plannedEpochs, epochs, norms, trainLoss, accuracyHistory, accuracy, classAccuracy, seconds
        case maxNormRadius, maxNormClips, maxNormLastClipEpoch, diverged, stageBoundary
        case classAccuracyHistory, predictionCounts
        case legacyEpochs = "normEpochs"
    }

    /// The largest epoch number a file may hold (far beyond any run, far below overflow).
    static let epochCeiling = 1_000_000_000

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(RunID.self, forKey: .name)
        let norms = try c.decode([[Double]].self, forKey: .norms)
        let losses = try c.decode([Double].self, forKey: .trainLoss)
        let accuracies = try c.decode([AccuracySummary].self, forKey: .accuracyHistory)
        let epochs = try c.decodeIfPresent([Int].self, forKey: .epochs)
            ?? c.decodeIfPresent([Int].self, forKey: .legacyEpochs) ?? Array(0..<norms.count)
        func bad(_ key: CodingKeys, _ why: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: c, debugDescription: why)
        }
        guard losses.count == norms.count else { throw bad(.trainLoss, "one loss per norms row") }
        guard accuracies.count == norms.count else { throw bad(.accuracyHistory, "one accuracy per norms row") }
        guard epochs.count == norms.count else { throw bad(.epochs, "one epoch per norms row") }
        guard Self.epochsIncrease(epochs), (epochs.last ?? 0) <= Self.epochCeiling else {
            throw bad(.epochs, "epochs must be increasing, from 0 up")
        }
        let planned = try c.decodeIfPresent(Int.self, forKey: .plannedEpochs) ?? (epochs.last ?? 0)
        guard (0...Self.epochCeiling).contains(planned) else { throw bad(.plannedEpochs, "out of range") }
        let boundary = try c.decodeIfPresent(Int.self, forKey: .stageBoundary)
        if let b = boundary, !(0...Self.epochCeiling).contains(b) { throw bad(.stageBoundary, "out of range") }
        let diverged = try c.decodeIfPresent(Divergence.self, forKey: .diverged)
        if let d = diverged, !(0...Self.epochCeiling).contains(d.epoch) { throw bad(.diverged, "epoch out of range") }
        let empty = [[Double]](repeating: [], count: norms.count)
        let classAccuracies = try c.decodeIfPresent([[Double]].self, forKey: .classAccuracyHistory) ?? empty
        let predicted = try c.decodeIfPresent([[Int]].self, forKey: .predictionCounts) ?? empty.map { _ in [] }
        guard classAccuracies.count == norms.count else { throw bad(.classAccuracyHistory, "one row per norms row") }
        guard predicted.count == norms.count else { throw bad(.predictionCounts, "one row per norms row") }
        guard predicted.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { throw bad(.predictionCounts, "must be 0 or more") }
        let records = (0..<norms.count).map {
            EpochRecord(epoch: epochs[$0], norms: norms[$0], trainLoss: losses[$0], accuracy: accuracies[$0],
                        classAccuracy: classAccuracies[$0], predictionCounts: predicted[$0])
        }
        self.init(id: id, plannedEpochs: planned, records: records,
                  accuracy: try c.decode(AccuracySummary.self, forKey: .accuracy),
                  classAccuracy: try c.decode([Double].self, forKey: .classAccuracy),
                  seconds: try c.decode(Double.self, forKey: .seconds),
                  maxNormRadius: try c.decodeIfPresent(Double.self, forKey: .maxNormRadius),
                  diverged: diverged, stage2StartEpoch: boundary)
        maxNormClips = try c.decodeIfPresent(Int.self, forKey: .maxNormClips)
        if let n = maxNormClips, n < 0 { throw bad(.maxNormClips, "must be 0 or more") }
        maxNormLastClipEpoch = try c.decodeIfPresent(Int.self, forKey: .maxNormLastClipEpoch)
        if let e = maxNormLastClipEpoch, !(1...Self.epochCeiling).contains(e) { throw bad(.maxNormLastClipEpoch, "out of range") }
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .name)
        try c.encode(plannedEpochs, forKey: .plannedEpochs)
        try c.encode(records.map(\.epoch), forKey: .epochs)
        try c.encode(records.map(\.norms), forKey: .norms)
        try c.encode(records.map(\.trainLoss), forKey: .trainLoss)
        try c.encode(records.map(\.accuracy), forKey: .accuracyHistory)
        // Per-class rows are written when recorded (every history normscope makes now), so an older file
        // read and written again stays without them.
        if records.contains(where: { !$0.classAccuracy.isEmpty }) {
            try c.encode(records.map(\.classAccuracy), forKey: .classAccuracyHistory)
        }
        if records.contains(where: { !$0.predictionCounts.isEmpty }) {
            try c.encode(records.map(\.predictionCounts), forKey: .predictionCounts)
        }
        try c.encode(accuracy, forKey: .accuracy)
        try c.encode(classAccuracy, forKey: .classAccuracy)
        try c.encode(seconds, forKey: .seconds)
        try c.encodeIfPresent(maxNormRadius, forKey: .maxNormRadius)
        try c.encodeIfPresent(maxNormClips, forKey: .maxNormClips)
        try c.encodeIfPresent(maxNormLastClipEpoch, forKey: .maxNormLastClipEpoch)
        try c.encodeIfPresent(diverged, forKey: .diverged)
        try c.encodeIfPresent(stage2StartEpoch, forKey: .stageBoundary)
    }
}
