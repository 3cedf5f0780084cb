/// Everything one panel of the figure shows: a regime's norms over epochs, its accuracy, its fate.
package struct PanelModel: Equatable, Sendable {
    /// The regime's title ("Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm", or a stage-2 variant).
    package var title: String
    /// The panel's letter as in the paper ("a" ... "e").
    var letter: String
    /// Changes of settings mid-run that affect this regime, marked on the heatmap's epoch axis.
    package var changeMarks: [ChangeMark] = []
    /// The norms after each recorded epoch (epoch 0 before training), class k's at `values[k]`, most frequent first.
    package var rows: [EpochRow]
    /// The epochs planned; the heatmap is laid out for all of them from the start.
    package var totalEpochs: Int
    /// The MaxNorm radius in force, drawn as a reference line on the profile.
    package var maxNormRadius: Double?
    /// Whether rows are held at unit norm (L2-normalisation): draws the unit line on the profile.
    var unitNorm: Bool
    /// Latest test accuracy, if measured.
    package var accuracy: GroupAccuracy?
    /// Which stage `accuracy` belongs to when the screen shows two: nil while there is only stage 1 ("acc"),
    /// 1 or 2 once stage 2 exists ("s1 acc", "s2 acc").
    package var accuracyStage: Int?
    /// Set when the regime diverged; a red banner covers the panel.
    package var diverged: DivergenceNote?
    /// The epoch after which stage 2 starts.
    package var stageBoundary: Int?
    /// The palette slot of the regime's colour (its curves, its tag).
    package var slot: Int
    /// Before and after: the profile (norm per class) the previous state ended on, drawn faintly under the
    /// current one after a settings change or restart; nil for none.
    package var before: [Double]? = nil
    /// Before and after: the overall accuracy (%) the previous state ended on, for the table's change column.
    package var accuracyBefore: Double? = nil
    /// Training samples of the largest and the smallest class (the ends of the class axis), when known.
    package var classSizes: (head: Int, tail: Int)? {
        get { classSizeEnds.count == 2 ? (classSizeEnds[0], classSizeEnds[1]) : nil }
        set { classSizeEnds = newValue.map { [$0.head, $0.tail] } ?? [] }
    }
    private var classSizeEnds: [Int] = []
    /// Each class's test accuracy in percent after each recorded epoch (the accuracy view), most frequent first;
    /// empty when not measured.
    package var accuracyRows: [EpochRow] = []
    /// How many test samples the latest recorded epoch predicts as each class, most frequent first; empty when
    /// not measured.
    package var predictionCounts: [Int] = []

    /// A panel; `slot` defaults to the letter's place in the alphabet ("a" is 0).
    package init(title: String, letter: String, rows: [EpochRow], totalEpochs: Int, maxNormRadius: Double? = nil,
                unitNorm: Bool = false, accuracy: GroupAccuracy? = nil, diverged: DivergenceNote? = nil,
                stageBoundary: Int? = nil, slot: Int? = nil) {
        self.title = title
        self.letter = letter
        self.rows = rows
        self.totalEpochs = totalEpochs
        self.maxNormRadius = maxNormRadius
        self.unitNorm = unitNorm
        self.accuracy = accuracy
        self.diverged = diverged
        self.stageBoundary = stageBoundary
        let a = Int(Character("a").asciiValue!)
        self.slot = slot ?? letter.first.flatMap(\.asciiValue).map { max(0, Int($0) - a) } ?? 0
    }

    /// A panel whose `norms[e]` are the norms after epoch e.
    package init(title: String, letter: String, norms: [[Double]] = [], totalEpochs: Int, maxNormRadius: Double? = nil,
                unitNorm: Bool = false, accuracy: GroupAccuracy? = nil, diverged: DivergenceNote? = nil,
                stageBoundary: Int? = nil, slot: Int? = nil) {
        self.init(title: title, letter: letter, rows: EpochRow.consecutive(norms), totalEpochs: totalEpochs,
                  maxNormRadius: maxNormRadius, unitNorm: unitNorm, accuracy: accuracy, diverged: diverged,
                  stageBoundary: stageBoundary, slot: slot)
    }

    /// The epoch of the latest row (-1 when there is none).
    var lastRecordedEpoch: Int { rows.last?.epoch ?? -1 }

    /// The latest recorded norms with a finite value (the profile's values), or empty.
    var currentNorms: [Double] {
        rows.last { $0.values.contains(where: \.isFinite) }?.values ?? []
    }

    /// The words before the accuracy: "acc", "s1 acc" or "s2 acc".
    var accuracyPrefix: String { accuracyStage.map { "s\($0) acc" } ?? "acc" }

    /// The reference line of its profile: the MaxNorm radius, else the unit norm when L2-normalised.
    var referenceLine: ReferenceLine? {
        maxNormRadius.map(ReferenceLine.maxNorm) ?? (unitNorm ? .unitNorm : nil)
    }
}

/// Where and why a regime stopped: "DIVERGED at epoch 12: loss is NaN".
package struct DivergenceNote: Equatable, Sendable {
    /// The epoch during which training diverged.
    package var epoch: Int
    /// What went wrong ("loss is NaN").
    package var reason: String

    package init(epoch: Int, reason: String) {
        self.epoch = epoch
        self.reason = reason
    }

    /// The banner text.
    package var text: String { "DIVERGED at epoch \(epoch)" + (reason.isEmpty ? "" : ": " + reason) }
}
