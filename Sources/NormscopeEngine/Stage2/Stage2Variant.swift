/// One way of rebalancing a stage-1 classifier: a stage-2 retraining recipe or a post-hoc normalization.
///
/// In results a variant run on base regime `wd` is named `wd>` followed by the variant's name,
/// e.g. `wd>cb+wd+maxnorm` or `wd>posthoc-tau`.
package enum Stage2Variant: String, Codable, CaseIterable, Sendable {
    /// Post-hoc L2-normalization of the classifier rows, `w_k / ||w_k||` (no training).
    case posthocL2 = "posthoc-l2"
    /// Post-hoc tau-normalization, `w_k / ||w_k||^tau` (no training).
    case posthocTau = "posthoc-tau"
    /// Class-balanced loss and weight decay.
    case cbWD = "cb+wd"
    /// Class-balanced loss and MaxNorm.
    case cbMaxNorm = "cb+maxnorm"
    /// Class-balanced loss, weight decay and MaxNorm: the paper's recommendation.
    case cbWDMaxNorm = "cb+wd+maxnorm"

    /// All variants in the order of the paper's table.
    package static let all: [Stage2Variant] = [.posthocL2, .posthocTau, .cbWD, .cbMaxNorm, .cbWDMaxNorm]
    /// The three retraining variants.
    package static let retraining: [Stage2Variant] = [.cbWD, .cbMaxNorm, .cbWDMaxNorm]

    /// The name used on the command line and after `>` in results.
    package var name: String { rawValue }

    /// Whether the variant is a normalization without training.
    package var isPostHoc: Bool { self == .posthocL2 || self == .posthocTau }
    /// Whether the retraining uses weight decay.
    var usesWeightDecay: Bool { self == .cbWD || self == .cbWDMaxNorm }
    /// Whether the retraining projects the classifier rows with MaxNorm.
    package var usesMaxNorm: Bool { self == .cbMaxNorm || self == .cbWDMaxNorm }

    /// The label of the paper's table ("+L2-norm", "+tau-norm", "+CB & WD", ...).
    package var title: String {
        switch self {
        case .posthocL2: return "+L2-norm"
        case .posthocTau: return "+tau-norm"
        case .cbWD: return "+CB & WD"
        case .cbMaxNorm: return "+CB & MaxNorm"
        case .cbWDMaxNorm: return "+CB & WD & MaxNorm"
        }
    }

    /// The title without the table's leading "+" ("CB & WD & MaxNorm", "L2-norm (post-hoc)").
    package var shortTitle: String {
        switch self {
        case .posthocL2: return "L2-norm (post-hoc)"
        case .posthocTau: return "τ-norm (post-hoc)"
        default: return String(title.dropFirst())
        }
    }

    /// Parses a comma-separated list ("cb+wd,cb+wd+maxnorm" or "all"); throws naming the unknown entry.
    package static func parseList(_ text: String, flag: String = "--stage2-variants") throws -> [Stage2Variant] {
        if text.trimmingWhitespace().lowercased() == "all" { return all }
        var result: [Stage2Variant] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let p = String(part).trimmingWhitespace().lowercased()
            guard let v = Stage2Variant(rawValue: p) else {
                throw NormscopeError.invalidValue(
                    "unknown variant '\(p)' in \(flag); valid: \(all.map(\.name).joined(separator: ",")) or all")
            }
            if !result.contains(v) { result.append(v) }
        }
        return result
    }
}
