/// One training regime of the paper's Fig. 2: which weight-balancing tools are on.
///
/// The raw value is the regime's name on the command line and in results files ("naive", "wd+maxnorm");
/// `allCases` is the paper's order (a)-(e).
package enum Regime: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// No weight decay, plain classifier.
    case naive
    /// Classifier rows held at unit norm.
    case l2norm
    /// Weight decay on all parameters.
    case wd
    /// MaxNorm projection of classifier rows.
    case maxnorm
    /// Weight decay and MaxNorm: the paper's recommendation.
    case wdMaxnorm = "wd+maxnorm"

    /// The five regimes of the paper's Fig. 2, in its order (a)-(e).
    package static var all: [Regime] { allCases }

    /// The name used on the command line and in results ("naive", "wd+maxnorm", ...).
    package var name: String { rawValue }

    package var description: String { rawValue }

    /// Classifier rows normalized to unit norm in the forward pass.
    package var l2Normalized: Bool { self == .l2norm }
    /// Weight decay on all parameters.
    package var weightDecay: Bool { self == .wd || self == .wdMaxnorm }
    /// Classifier rows projected into the MaxNorm ball.
    package var maxNorm: Bool { self == .maxnorm || self == .wdMaxnorm }
}

extension Regime {
    /// Reads a regime's name; a name that is no regime is a decoding error saying so.
    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let regime = Regime(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown regime name")
        }
        self = regime
    }
}
