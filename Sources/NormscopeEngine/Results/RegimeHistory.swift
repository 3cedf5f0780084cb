/// Everything recorded about one regime's run, epoch by epoch.
public struct RegimeHistory: Codable, Equatable, Sendable {
    /// The regime's name ("naive", "wd+maxnorm", "wd>cb+wd+maxnorm", ...).
    public var name: String
    /// `norms[e][k]`: L2 norm of class k's classifier row (bias excluded) after epoch e; e = 0 is before training.
    /// Beyond `RegimeHistory.rowLimit` epochs the history is downsampled: then row i stands for epoch
    /// `normEpochs[i]` (see `normEpochs`).
    public var norms: [[Double]]
    /// `trainLoss[e]`: mean training loss over epoch e's batches; `trainLoss[0]` is the loss before training.
    public var trainLoss: [Double]
    /// Final test accuracy (percent).
    public var accuracy: AccuracySummary
    /// Final per-class test accuracy (percent), most frequent class first.
    public var classAccuracy: [Double]
    /// `accuracyHistory[e]`: test accuracy after epoch e (e = 0 before training).
    public var accuracyHistory: [AccuracySummary]
    /// Wall-clock seconds spent training (0 when timings are switched off for byte-identical files).
    public var seconds: Double
    /// The MaxNorm radius in force, if the regime projects.
    public var maxNormRadius: Double?
    /// Set when training stopped at a non-finite loss or weight.
    public var diverged: Divergence?
    /// Index into `norms` where stage 2 starts (nil for stage-1 regimes).
    public var stageBoundary: Int?
    /// Present only when the history was downsampled: `normEpochs[i]` is the epoch that row i of `norms`,
    /// `trainLoss` and `accuracyHistory` records (increasing, starting at 0, ending at the latest epoch).
    /// Absent, row e is epoch e.
    public var normEpochs: [Int]?

    public init(name: String, norms: [[Double]] = [], trainLoss: [Double] = [],
                accuracy: AccuracySummary = AccuracySummary(all: 0, many: 0, medium: 0, few: 0),
                classAccuracy: [Double] = [], accuracyHistory: [AccuracySummary] = [], seconds: Double = 0,
                maxNormRadius: Double? = nil, diverged: Divergence? = nil, stageBoundary: Int? = nil,
                normEpochs: [Int]? = nil) {
        self.name = name
        self.norms = norms
        self.trainLoss = trainLoss
        self.accuracy = accuracy
        self.classAccuracy = classAccuracy
        self.accuracyHistory = accuracyHistory
        self.seconds = seconds
        self.maxNormRadius = maxNormRadius
        self.diverged = diverged
        self.stageBoundary = stageBoundary
        self.normEpochs = normEpochs
    }

    /// Number of completed epochs: the epoch of the last row of `norms` (rows appended since the last
    /// `downsampleIfNeeded()` count one epoch each).
    public var epochsDone: Int {
        guard let epochs = normEpochs, let last = epochs.last else { return max(0, norms.count - 1) }
        return last + max(0, norms.count - epochs.count)
    }

    /// The epoch that row `i` of `norms` records.
    public func epoch(ofRow i: Int) -> Int {
        guard let epochs = normEpochs else { return i }
        return i < epochs.count ? epochs[i] : (epochs.last ?? -1) + i - epochs.count + 1
    }
}

// MARK: - Bounded memory

extension RegimeHistory {
    /// The most rows `downsampleIfNeeded()` keeps per history: beyond it, the history is thinned.
    public static let rowLimit = 1024

    /// Keeps the per-epoch rows (`norms`, `trainLoss`, `accuracyHistory`) within `limit` rows, so a run of
    /// any length holds bounded memory. Call after appending each epoch's row.
    ///
    /// Runs of up to `limit` epochs are untouched (row e is epoch e). Beyond that the rows kept are those of
    /// the epochs that are multiples of a stride (1, 2, 4, ...: doubled each time the rows exceed `limit`,
    /// which keeps about half of them), plus the latest epoch and the stage boundary; `normEpochs` records
    /// the epoch of each kept row. Rows are kept whole, not averaged: every value is a real measurement
    /// of the epoch it is labelled with, and epoch 0 and the latest epoch are always there.
    public mutating func downsampleIfNeeded(limit: Int = RegimeHistory.rowLimit) {
        let limit = max(4, limit)
        if normEpochs == nil && norms.count <= limit { return }
        var epochs = normEpochs ?? []
        while epochs.count < norms.count { epochs.append(epochs.isEmpty ? 0 : epochs.last! + 1) }
        let boundaryEpoch = stageBoundary.map { $0 < epochs.count ? epochs[$0] : -1 }
        // The stride in force: the greatest common divisor of the kept epochs, leaving out the boundary and the
        // last two rows (the new row, and the previous latest, which may be off the stride).
        var stride = 0
        for (i, e) in epochs.enumerated() where i < epochs.count - 2 && e != boundaryEpoch {
            var (a, b) = (stride, e)
            while b != 0 { (a, b) = (b, a % b) }
            stride = a
        }
        stride = max(1, stride)
        func keep(_ i: Int) -> Bool {
            i == epochs.count - 1 || epochs[i] % stride == 0 || epochs[i] == boundaryEpoch
        }
        // Drop the rows that were only kept for being the latest (at most one per new row).
        var selected = epochs.indices.filter(keep)
        while selected.count > limit {
            stride *= 2
            selected = selected.filter(keep)
        }
        if selected.count != epochs.count {
            norms = selected.map { norms[$0] }
            if trainLoss.count == epochs.count { trainLoss = selected.map { trainLoss[$0] } }
            if accuracyHistory.count == epochs.count { accuracyHistory = selected.map { accuracyHistory[$0] } }
            epochs = selected.map { epochs[$0] }
            if let b = boundaryEpoch { stageBoundary = epochs.firstIndex(of: b) }
        }
        normEpochs = epochs
    }
}

/// Where and why a regime stopped early.
public struct Divergence: Codable, Equatable, Sendable {
    /// The epoch (1-based) during which the non-finite value appeared.
    public var epoch: Int
    /// What went non-finite ("loss is NaN", "weights are infinite", ...).
    public var reason: String

    public init(epoch: Int, reason: String) {
        self.epoch = epoch
        self.reason = reason
    }
}
