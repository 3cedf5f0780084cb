/// The display titles of the runs: the one table of them. `RunID.title` ("WD > CB & WD & MaxNorm"), the
/// figures' legends and the rows of the reproduce report ("+ stage 2: CB & WD") are composed from these.
///
/// τ is spelled as the paper spells it; where it cannot be shown (ASCII screens, the figures' bitmap font)
/// it is written "tau" (`Glyphs`, `BitmapFont.spellings`).
extension Regime {
    /// The display title ("Naive", "L2-norm", "WD", "MaxNorm", "WD+MaxNorm").
    package var title: String {
        switch self {
        case .naive: "Naive"
        case .l2norm: "L2-norm"
        case .wd: "WD"
        case .maxnorm: "MaxNorm"
        case .wdMaxnorm: "WD+MaxNorm"
        }
    }
}

extension Stage2Variant {
    /// The display title ("L2-norm (post-hoc)", "τ-norm (post-hoc)", "CB & WD", "CB & MaxNorm",
    /// "CB & WD & MaxNorm").
    package var title: String {
        switch self {
        case .posthocL2: "L2-norm (post-hoc)"
        case .posthocTau: "τ-norm (post-hoc)"
        case .cbWD: "CB & WD"
        case .cbMaxNorm: "CB & MaxNorm"
        case .cbWDMaxNorm: "CB & WD & MaxNorm"
        }
    }
}
