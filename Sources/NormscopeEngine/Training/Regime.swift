/// One training regime of the paper's Fig. 2: which weight-balancing tools are on.
package struct Regime: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The name used on the command line and in results ("naive", "wd+maxnorm", ...).
    package var name: String
    /// Classifier rows normalized to unit norm in the forward pass.
    package var l2Normalized: Bool
    /// Weight decay on all parameters.
    package var weightDecay: Bool
    /// Classifier rows projected into the MaxNorm ball.
    package var maxNorm: Bool

    package init(name: String, l2Normalized: Bool = false, weightDecay: Bool = false, maxNorm: Bool = false) {
        self.name = name
        self.l2Normalized = l2Normalized
        self.weightDecay = weightDecay
        self.maxNorm = maxNorm
    }

    package var description: String { name }

    /// No weight decay, plain classifier.
    package static let naive = Regime(name: "naive")
    /// Classifier rows held at unit norm.
    package static let l2norm = Regime(name: "l2norm", l2Normalized: true)
    /// Weight decay on all parameters.
    package static let wd = Regime(name: "wd", weightDecay: true)
    /// MaxNorm projection of classifier rows.
    package static let maxnorm = Regime(name: "maxnorm", maxNorm: true)
    /// Weight decay and MaxNorm: the paper's recommendation.
    package static let wdMaxnorm = Regime(name: "wd+maxnorm", weightDecay: true, maxNorm: true)

    /// The five regimes of the paper's Fig. 2, in its order (a)-(e).
    package static let all: [Regime] = [.naive, .l2norm, .wd, .maxnorm, .wdMaxnorm]

    /// The display title ("Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm").
    package var title: String {
        switch name {
        case "naive": return "Naive"
        case "l2norm": return "L2-norm"
        case "wd": return "WD"
        case "maxnorm": return "MaxNorm"
        case "wd+maxnorm": return "WD+MaxNorm"
        default: return name
        }
    }

    /// The stage-1 regime called `name`, or nil.
    package static func named(_ name: String) -> Regime? {
        all.first { $0.name == name.lowercased() }
    }

    /// Parses a comma-separated list such as "naive,wd+maxnorm"; throws naming the unknown entry and `flag`.
    package static func parseList(_ text: String, flag: String = "--regimes") throws -> [Regime] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingWhitespace()
        }
        var result: [Regime] = []
        for p in parts {
            guard let r = named(p) else {
                throw NormscopeError.invalidValue(
                    "unknown regime '\(p)' in \(flag); valid: \(all.map(\.name).joined(separator: ","))")
            }
            if !result.contains(r) { result.append(r) }
        }
        if result.isEmpty { throw NormscopeError.invalidValue("\(flag) needs at least one regime") }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
