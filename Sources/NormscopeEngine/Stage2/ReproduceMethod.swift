/// A row of the paper's Tables 1 and 2: a stage-1 regime or a rebalancing of the `wd` model.
///
/// A row is named by its run (`id`): results, reports and the report's JSON spell it as the run's name
/// (`wd>cb+wd`), and its title is composed from the run's titles.
package enum ReproduceMethod: CaseIterable, Sendable {
    case naive
    case wd
    case posthocL2
    case posthocTau
    case cbWD
    case cbMaxNorm
    case cbWDMaxNorm

    /// The label of the paper's table, from the run's titles: a stage-1 row with how its weight decay was set
    /// ("Naive (WD=0)", "WD tuned"), a rebalancing of the WD model with its variant ("+ τ-norm (post-hoc)",
    /// "+ stage 2: CB & WD").
    package var title: String {
        guard let v = id.variant else { return id.base.title + (id.base.weightDecay ? " tuned" : " (WD=0)") }
        return v.isPostHoc ? "+ \(v.title)" : "+ stage 2: \(v.title)"
    }

    /// The row that reports run `id`, or nil.
    package init?(id: RunID) {
        guard let m = Self.allCases.first(where: { $0.id == id }) else { return nil }
        self = m
    }

    /// The stage-2 variant applied to the `wd` model, nil for a stage-1 row.
    package var variant: Stage2Variant? { id.variant }

    /// The run whose accuracy fills the row.
    package var id: RunID {
        switch self {
        case .naive: return RunID(.naive)
        case .wd: return RunID(.wd)
        case .posthocL2: return RunID(.wd, .posthocL2)
        case .posthocTau: return RunID(.wd, .posthocTau)
        case .cbWD: return RunID(.wd, .cbWD)
        case .cbMaxNorm: return RunID(.wd, .cbMaxNorm)
        case .cbWDMaxNorm: return RunID(.wd, .cbWDMaxNorm)
        }
    }

    /// The paper's numbers (CIFAR100-LT, ResNet34): Many, Medium, Few at IF 100 and All per imbalance factor.
    package var paper: PaperNumbers {
        switch self {
        case .naive: return PaperNumbers(many: 64.05, medium: 35.80, few: 11.43, all: [100: 38.38, 50: 43.99, 10: 57.31])
        case .wd: return PaperNumbers(many: 76.94, medium: 44.28, few: 12.17, all: [100: 46.08, 50: 52.71, 10: 66.03])
        case .posthocL2: return PaperNumbers(all: [100: 49.60])
        case .posthocTau: return PaperNumbers(all: [100: 51.31])
        case .cbWD: return PaperNumbers(many: 72.77, medium: 49.74, few: 31.80, all: [100: 52.42, 50: 57.47, 10: 67.96])
        case .cbMaxNorm: return PaperNumbers(many: 76.49, medium: 49.23, few: 20.67, all: [100: 50.20, 50: 56.06, 10: 67.10])
        case .cbWDMaxNorm: return PaperNumbers(many: 72.60, medium: 51.86, few: 32.63, all: [100: 53.35, 50: 57.71, 10: 68.67])
        }
    }
}

extension ReproduceMethod: Codable {
    /// Reads a row by its run's name (`wd>cb+wd`); a run that is no row of the table is a decoding error.
    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let m = ReproduceMethod(id: try c.decode(RunID.self)) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a row of the reproduce table")
        }
        self = m
    }

    /// Writes the row as its run's name.
    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(id)
    }
}

/// A row of the paper's accuracy table (percent); nil where the paper gives no number.
package struct PaperNumbers: Codable, Equatable, Sendable {
    /// Many / Medium / Few at imbalance factor 100.
    package var many: Double?
    package var medium: Double?
    package var few: Double?
    /// Overall accuracy by imbalance factor.
    package var all: [Int: Double]

    package init(many: Double? = nil, medium: Double? = nil, few: Double? = nil, all: [Int: Double]) {
        self.many = many
        self.medium = medium
        self.few = few
        self.all = all
    }

    /// The paper's All at imbalance factor `imbalance`, if it reports one.
    package func all(imbalance: Double) -> Double? {
        imbalance == imbalance.rounded() ? all[Int(imbalance)] : nil
    }
}
