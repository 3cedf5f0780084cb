import Foundation

/// The outcome of `normscope reproduce`: the table (mean and spread over seeds), the chosen hyperparameters,
/// and which of the paper's claims hold on this data.
package struct ReproduceReport: Codable, Equatable, Sendable {
    package var program: ProgramInfo
    package var config: ReproduceConfig
    /// The weight decay and tau chosen for each imbalance factor, with the validation scores.
    package var selections: [Selection]
    /// One row per method, in the table's order.
    package var rows: [Row]
    /// The paper's claims, checked on these numbers.
    var claims: [Claim]
    /// Runs that diverged or were skipped.
    var notes: [String]
    /// Wall-clock seconds of the whole reproduction (0 with timings off).
    package var seconds: Double

    package init(config: ReproduceConfig, selections: [Selection], rows: [Row], notes: [String], seconds: Double) {
        program = ProgramInfo()
        self.config = config
        self.selections = selections
        self.rows = rows
        self.notes = notes
        self.seconds = seconds
        claims = []
        claims = Claim.all.map { $0.evaluate(self) }
    }

    /// The weight decay and tau chosen for one imbalance factor.
    package struct Selection: Codable, Equatable, Sendable {
        package var imbalance: Double
        /// Mean per-class validation accuracy (percent) of the `wd` model for each candidate weight decay.
        var weightDecayScores: [Score]
        package var weightDecay: Double
        /// Mean per-class validation accuracy of the tau-normalized `wd` model for each candidate tau.
        var tauScores: [Score]
        package var tau: Double
    }

    /// A candidate value and its validation score.
    struct Score: Codable, Equatable, Sendable {
        var value: Double
        var accuracy: Double
    }

    /// One method's results at every imbalance factor.
    package struct Row: Codable, Equatable, Sendable {
        var method: ReproduceMethod
        package var title: String
        package var cells: [Cell]
        package var paper: PaperNumbers

        /// The cell of imbalance factor `imbalance`.
        package func cell(_ imbalance: Double) -> Cell? { cells.first { $0.imbalance == imbalance } }
    }

    /// One method at one imbalance factor: per-seed accuracies, their mean and sample standard deviation.
    package struct Cell: Codable, Equatable, Sendable {
        package var imbalance: Double
        package var seeds: [UInt64]
        package var perSeed: [AccuracySummary]
        package var mean: AccuracySummary
        /// Sample standard deviation over seeds (0 with one seed).
        package var spread: AccuracySummary
        /// Number of classes in the Many, Medium and Few groups (an empty group has no accuracy).
        package var groupSizes: [Int]

        package init(imbalance: Double, seeds: [UInt64], perSeed: [AccuracySummary], groupSizes: [Int]) {
            self.imbalance = imbalance
            self.seeds = seeds
            self.perSeed = perSeed
            self.groupSizes = groupSizes
            func stat(_ key: KeyPath<AccuracySummary, Double>) -> (Double, Double) {
                let v = perSeed.map { $0[keyPath: key] }
                guard !v.isEmpty else { return (.nan, .nan) }
                let m = v.reduce(0, +) / Double(v.count)
                guard v.count > 1 else { return (m, 0) }
                let ss = v.map { ($0 - m) * ($0 - m) }.reduce(0, +)
                return (m, (ss / Double(v.count - 1)).squareRoot())
            }
            let (a, sa) = stat(\.all), (ma, sma) = stat(\.many), (me, sme) = stat(\.medium), (f, sf) = stat(\.few)
            mean = AccuracySummary(all: a, many: ma, medium: me, few: f)
            spread = AccuracySummary(all: sa, many: sma, medium: sme, few: sf)
        }
    }

    /// The row of `method`.
    package func row(_ method: ReproduceMethod) -> Row? { rows.first { $0.method == method } }

    /// The file's bytes: pretty JSON with sorted keys.
    package func encoded() throws -> Data { try StableJSON.encode(self) }

    /// An imbalance factor or hyperparameter as short text ("100", "0.005").
    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e9 { return String(Int(v)) }
        var s = String(format: "%.6g", v)
        if s.contains("e") { s = String(format: "%g", v) }
        return s
    }
}

// MARK: - Claims

extension ReproduceReport {
    /// One of the paper's claims, checked on our numbers and on the paper's own.
    struct Claim: Codable, Equatable, Sendable {
        var statement: String
        /// Whether the paper's numbers show it (nil where the paper gives none).
        var paperHolds: Bool?
        /// Whether ours show it at every imbalance factor checked (nil when it cannot be checked).
        var holds: Bool?
        /// Whether every difference behind the verdict exceeds the seeds' spread, `sqrt(sd_a² + sd_b²)`
        /// (nil with a single seed).
        var clear: Bool?
        /// The differences behind the verdict, per imbalance factor ("IF100 +3.1 (paper +7.7)").
        var detail: String

        /// A claim "metric of `a` exceeds metric of `b`" (or, `expectsLoss`, "falls below"), at every imbalance
        /// factor or only the first. Differences are always `a - b`: a loss reads as a negative number.
        struct Check {
            let statement: String
            let comparisons: [(ReproduceMethod, ReproduceMethod)]
            let metric: Metric
            let firstImbalanceOnly: Bool
            var expectsLoss = false

            /// Whether a difference `a - b` shows the claim.
            func shows(_ d: Double) -> Bool { expectsLoss ? d < 0 : d > 0 }

            /// Whether the claim is "a beats all of the b's": then the detail gives the closest competitor.
            var isBest: Bool { comparisons.count > 3 }

            func evaluate(_ r: ReproduceReport) -> Claim {
                var ours: [Bool] = [], paper: [Bool] = [], parts: [String] = [], clear: [Bool] = []
                let imbalances = firstImbalanceOnly ? Array(r.config.imbalances.prefix(1)) : r.config.imbalances
                for f in imbalances {
                    var diffs: [(a: ReproduceMethod, b: ReproduceMethod, d: Double, pd: Double?, noise: Double?)] = []
                    for (a, b) in comparisons {
                        guard let ca = r.row(a)?.cell(f), let cb = r.row(b)?.cell(f),
                              metric.available(ca), !ca.perSeed.isEmpty, !cb.perSeed.isEmpty else { continue }
                        let d = metric.value(ca.mean) - metric.value(cb.mean)
                        var pd: Double?
                        if let pa = metric.paper(a.paper, f), let pb = metric.paper(b.paper, f) { pd = pa - pb }
                        let sa = metric.value(ca.spread), sb = metric.value(cb.spread)
                        let noise = ca.perSeed.count > 1 && cb.perSeed.count > 1 ? (sa * sa + sb * sb).squareRoot() : nil
                        diffs.append((a, b, d, pd, noise))
                    }
                    guard !diffs.isEmpty else { continue }
                    let tag = "IF\(ReproduceReport.format(f))"
                    if isBest {
                        let closest = diffs.min { $0.d < $1.d }!
                        ours.append(shows(closest.d))
                        if let n = closest.noise { clear.append(abs(closest.d) > n) }
                        let pds = diffs.compactMap(\.pd)
                        if pds.count == diffs.count { paper.append(pds.allSatisfy(shows)) }
                        parts.append("\(tag) \(String(format: "%+.1f", closest.d)) vs \(closest.b.id)")
                        continue
                    }
                    for (a, b, d, pd, noise) in diffs {
                        ours.append(shows(d))
                        if let noise { clear.append(abs(d) > noise) }
                        var part = "\(tag) \(String(format: "%+.1f", d))"
                        if let pd { paper.append(shows(pd)); part += String(format: " (paper %+.1f)", pd) }
                        if comparisons.count > 1 { part = "\(a.id) vs \(b.id) " + part }
                        parts.append(part)
                    }
                }
                return Claim(statement: statement, paperHolds: paper.isEmpty ? nil : paper.allSatisfy { $0 },
                             holds: ours.isEmpty ? nil : ours.allSatisfy { $0 },
                             clear: clear.isEmpty || clear.count < ours.count ? nil : clear.allSatisfy { $0 },
                             detail: parts.joined(separator: "; "))
            }
        }

        enum Metric {
            case all, many, few
            func value(_ a: AccuracySummary) -> Double {
                switch self { case .all: a.all; case .many: a.many; case .few: a.few }
            }
            func available(_ c: Cell) -> Bool {
                switch self { case .all: true; case .many: c.groupSizes[0] > 0; case .few: c.groupSizes[2] > 0 }
            }
            func paper(_ p: PaperNumbers, _ f: Double) -> Double? {
                switch self {
                case .all: return p.all(imbalance: f)
                case .many: return f == 100 ? p.many : nil
                case .few: return f == 100 ? p.few : nil
                }
            }
        }

        static let all: [Check] = [
            Check(statement: "Tuned weight decay beats naive training (All)",
                  comparisons: [(.wd, .naive)], metric: .all, firstImbalanceOnly: false),
            Check(statement: "Post-hoc L2-normalization of the WD model improves it (All)",
                  comparisons: [(.posthocL2, .wd)], metric: .all, firstImbalanceOnly: true),
            Check(statement: "tau-normalization beats L2-normalization (All)",
                  comparisons: [(.posthocTau, .posthocL2)], metric: .all, firstImbalanceOnly: true),
            Check(statement: "Every stage-2 variant beats the WD model (All)",
                  comparisons: [(.cbWD, .wd), (.cbMaxNorm, .wd), (.cbWDMaxNorm, .wd)], metric: .all,
                  firstImbalanceOnly: false),
            Check(statement: "Stage 2 (CB & WD & MaxNorm) raises Few-class accuracy over the WD model",
                  comparisons: [(.cbWDMaxNorm, .wd)], metric: .few, firstImbalanceOnly: false),
            Check(statement: "Stage 2 (CB & WD & MaxNorm) gives up some Many-class accuracy of the WD model",
                  comparisons: [(.cbWDMaxNorm, .wd)], metric: .many, firstImbalanceOnly: false, expectsLoss: true),
            Check(statement: "Adding MaxNorm to CB & WD helps (All)",
                  comparisons: [(.cbWDMaxNorm, .cbWD)], metric: .all, firstImbalanceOnly: false),
            Check(statement: "Adding WD to CB & MaxNorm helps (All)",
                  comparisons: [(.cbWDMaxNorm, .cbMaxNorm)], metric: .all, firstImbalanceOnly: false),
            Check(statement: "CB & WD & MaxNorm is the best method (All)",
                  comparisons: ReproduceMethod.allCases.filter { $0 != .cbWDMaxNorm }.map { (.cbWDMaxNorm, $0) },
                  metric: .all, firstImbalanceOnly: false),
        ]
    }
}
