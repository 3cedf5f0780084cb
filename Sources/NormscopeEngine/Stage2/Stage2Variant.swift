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
}
