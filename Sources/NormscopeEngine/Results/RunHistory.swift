/// Everything recorded about one run (a stage-1 regime or a stage-2 variant), epoch by epoch.
///
/// Its per-epoch measurements are `records`, each carrying the epoch it was measured after: the one way to
/// read them, whether or not a long run was thinned (see `downsampleIfNeeded`).
package struct RunHistory: Equatable, Sendable {
    /// Which run this is.
    package var id: RunID
    /// The epochs the run was planned for (0 for a post-hoc normalization).
    package var plannedEpochs: Int
    /// The measurements, in increasing epoch order, starting with epoch 0 (before training).
    package private(set) var records: [EpochRecord]
    /// Latest test accuracy (percent).
    package var accuracy: AccuracySummary
    /// Latest per-class test accuracy (percent), most frequent class first.
    var classAccuracy: [Double]
    /// Wall-clock seconds spent training (0 when timings are switched off for byte-identical files).
    package var seconds: Double
    /// The MaxNorm radius in force, if the run projects.
    package var maxNormRadius: Double?
    /// How many times MaxNorm shortened a classifier row (rows clipped, summed over every projection), when the run
    /// projects and this was counted (nil otherwise, and in files written before it was recorded). 0 means the
    /// projection never acted: every row stayed inside the ball on its own.
    package var maxNormClips: Int?
    /// The last epoch (1-based) in which MaxNorm shortened a row, when it ever did (nil otherwise, and in older
    /// files): a stage-2 run whose projection only acts in its first epoch ends as if it had none.
    package var maxNormLastClipEpoch: Int?
    /// Set when training stopped at a non-finite loss or weight.
    package var diverged: Divergence?
    /// The epoch after which stage 2 begins in this history: 0 for a stage-2 run, the base's last epoch for a
    /// stage-2 run drawn after its base (`joined(after:)`), nil for stage 1 alone.
    package var stage2StartEpoch: Int?

    package init(id: RunID, plannedEpochs: Int = 0, records: [EpochRecord] = [],
                accuracy: AccuracySummary = AccuracySummary(all: 0, many: 0, medium: 0, few: 0),
                classAccuracy: [Double] = [], seconds: Double = 0, maxNormRadius: Double? = nil,
                diverged: Divergence? = nil, stage2StartEpoch: Int? = nil) {
        precondition(Self.epochsIncrease(records.map(\.epoch)), "records must be in increasing epoch order")
        self.id = id
        self.plannedEpochs = plannedEpochs
        self.records = records
        self.accuracy = accuracy
        self.classAccuracy = classAccuracy
        self.seconds = seconds
        self.maxNormRadius = maxNormRadius
        self.diverged = diverged
        self.stage2StartEpoch = stage2StartEpoch
    }

    /// The results name (`wd`, `wd>cb+wd+maxnorm`).
    package var name: String { id.name }

    /// The epoch of the latest record: the epochs completed (0 before any).
    package var epochsDone: Int { records.last?.epoch ?? 0 }

    /// Whether the run has nothing left to do: every planned epoch done, or diverged.
    package var isFinished: Bool { diverged != nil || epochsDone >= plannedEpochs }

    /// The latest norms (empty before the first record).
    package var finalNorms: [Double] { records.last?.norms ?? [] }

    /// The number of classes (the length of the longest norms row).
    package var classCount: Int { records.map(\.norms.count).max() ?? 0 }

    /// Adds the measurements after epoch `record.epoch`, which must be later than the latest.
    package mutating func append(_ record: EpochRecord) {
        precondition(records.last.map { record.epoch > $0.epoch } ?? (record.epoch >= 0), "epochs must increase")
        records.append(record)
        accuracy = record.accuracy
    }

    /// Whether `epochs` is a valid epoch column: non-negative and strictly increasing.
    static func epochsIncrease(_ epochs: [Int]) -> Bool {
        guard let first = epochs.first, first >= 0 else { return epochs.isEmpty }
        return zip(epochs, epochs.dropFirst()).allSatisfy { $0 < $1 }
    }
}

extension RunHistory {
    /// The history as it stood after epoch `epoch`: later records dropped, the latest accuracy that of the
    /// last record kept. A live view shows every run at one common epoch this way.
    package func truncated(through epoch: Int) -> RunHistory {
        let keep = records.indices(recording: Int.min..<(epoch == .max ? .max : epoch + 1), epoch: \.epoch)
        guard keep.count < records.count else { return self }
        var h = self
        h.records = Array(records[keep])
        if let last = h.records.last { h.accuracy = last.accuracy }
        return h
    }
}

// MARK: - Bounded memory

extension RunHistory {
    /// The most records `downsampleIfNeeded()` keeps per history: beyond it, the history is thinned.
    package static let rowLimit = 1024

    /// Keeps `records` within `limit`, so a run of any length holds bounded memory. Call after each append.
    ///
    /// Runs of up to `limit` epochs are untouched. Beyond that the records kept are those of the epochs that
    /// are multiples of a stride (1, 2, 4, ...: doubled each time the records exceed `limit`, which keeps about
    /// half of them), plus the latest epoch and the stage-2 boundary. Records are kept whole, not averaged:
    /// every value is a real measurement of the epoch it is labelled with, and the first and the latest epoch
    /// are always there.
    package mutating func downsampleIfNeeded(limit: Int = RunHistory.rowLimit) {
        let limit = max(4, limit)
        guard let firstRecord = records.first, let lastRecord = records.last else { return }
        // Untouched while every epoch is kept and within the limit; once thinned, every append is thinned
        // again (the previous latest record is dropped when it is off the stride).
        let consecutive = lastRecord.epoch - firstRecord.epoch == records.count - 1
        guard records.count > limit || !consecutive else { return }
        let epochs = records.map(\.epoch)
        let first = epochs[0], boundary = stage2StartEpoch
        // The stride in force: the greatest common divisor of the kept epochs' offsets from the first, leaving
        // out the boundary and the last two (the new record, and the previous latest, which may be off-stride).
        var stride = 0
        for e in epochs.dropLast(2) where e != boundary {
            var (a, b) = (stride, e - first)
            while b != 0 { (a, b) = (b, a % b) }
            stride = a
        }
        stride = max(1, stride)
        func keep(_ i: Int) -> Bool {
            i == epochs.count - 1 || (epochs[i] - first) % stride == 0 || epochs[i] == boundary
        }
        var selected = epochs.indices.filter(keep)
        while selected.count > limit {
            stride *= 2
            selected = selected.filter(keep)
        }
        if selected.count != records.count { records = selected.map { records[$0] } }
    }
}

/// Where and why a run stopped early.
package struct Divergence: Codable, Equatable, Sendable {
    /// The epoch (1-based) during which the non-finite value appeared.
    package var epoch: Int
    /// What went non-finite ("loss is NaN", "weights are infinite", ...).
    package var reason: String

    package init(epoch: Int, reason: String) {
        self.epoch = epoch
        self.reason = reason
    }
}
