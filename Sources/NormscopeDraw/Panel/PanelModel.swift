/// Everything one panel of the figure shows: a regime's norms over epochs, its accuracy, its fate.
public struct PanelModel: Equatable, Sendable {
    /// The regime's title ("Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm", or a stage-2 variant).
    public var title: String
    /// The panel's letter as in the paper ("a" ... "e").
    public var letter: String
    /// `norms[e][k]`: L2 norm of class k's classifier row after epoch e (e = 0 before training), most frequent first.
    public var norms: [[Double]]
    /// The epochs planned; the heatmap is laid out for all of them from the start.
    public var totalEpochs: Int
    /// The MaxNorm radius in force, drawn as a reference line on the profile.
    public var maxNormRadius: Double?
    /// Whether rows are held at unit norm (L2-normalisation): draws the unit line on the profile.
    public var unitNorm: Bool
    /// Latest test accuracy, if measured.
    public var accuracy: GroupAccuracy?
    /// Set when the regime diverged; a red banner covers the panel.
    public var diverged: DivergenceNote?
    /// The epoch index where stage 2 starts.
    public var stageBoundary: Int?
    /// The palette slot of the regime's colour (its curves, its tag).
    public var slot: Int
    /// The epoch of each row of `norms` when the history was downsampled (nil: row e is epoch e).
    public var normEpochs: [Int]?

    /// A panel; `slot` defaults to the letter's place in the alphabet ("a" is 0).
    public init(title: String, letter: String, norms: [[Double]] = [], totalEpochs: Int, maxNormRadius: Double? = nil,
                unitNorm: Bool = false, accuracy: GroupAccuracy? = nil, diverged: DivergenceNote? = nil,
                stageBoundary: Int? = nil, slot: Int? = nil, normEpochs: [Int]? = nil) {
        self.title = title
        self.letter = letter
        self.norms = norms
        self.totalEpochs = totalEpochs
        self.maxNormRadius = maxNormRadius
        self.unitNorm = unitNorm
        self.accuracy = accuracy
        self.diverged = diverged
        self.stageBoundary = stageBoundary
        self.normEpochs = normEpochs
        let a = Int(Character("a").asciiValue!)
        self.slot = slot ?? letter.first.flatMap(\.asciiValue).map { max(0, Int($0) - a) } ?? 0
    }

    /// The epoch of the latest row of `norms` (-1 when there is none).
    public var lastRecordedEpoch: Int { normEpochs?.last ?? norms.count - 1 }

    /// The latest recorded row with a finite norm (the profile's values), or empty.
    public var currentNorms: [Double] {
        norms.last { $0.contains(where: \.isFinite) } ?? []
    }

    /// The reference line of its profile: the MaxNorm radius, else the unit norm when L2-normalised.
    public var referenceLine: ReferenceLine? {
        maxNormRadius.map(ReferenceLine.maxNorm) ?? (unitNorm ? .unitNorm : nil)
    }
}

/// Where and why a regime stopped: "DIVERGED at epoch 12: loss is NaN".
public struct DivergenceNote: Equatable, Sendable {
    /// The epoch during which training diverged.
    public var epoch: Int
    /// What went wrong ("loss is NaN").
    public var reason: String

    public init(epoch: Int, reason: String) {
        self.epoch = epoch
        self.reason = reason
    }

    /// The banner text.
    public var text: String { "DIVERGED at epoch \(epoch)" + (reason.isEmpty ? "" : ": " + reason) }
}
