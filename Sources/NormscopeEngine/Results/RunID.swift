/// Which run a history records: a stage-1 regime, or a stage-2 variant applied to one.
///
/// Its `name` is the results-file spelling (`wd`, `wd>cb+wd+maxnorm`), written and read in one place
/// (here); everything else compares identities, never strings.
package struct RunID: Hashable, Sendable, CustomStringConvertible {
    /// The stage-1 regime (for a stage-2 run: the base whose features and classifier it starts from).
    package var base: Regime
    /// The stage-2 variant, or nil for a stage-1 run.
    package var variant: Stage2Variant?

    package init(_ base: Regime, _ variant: Stage2Variant? = nil) {
        self.base = base
        self.variant = variant
    }

    /// Whether this is a stage-2 retraining or post-hoc normalization.
    package var isStage2: Bool { variant != nil }

    /// The stage-1 run this one continues (itself for a stage-1 run).
    package var stage1: RunID { RunID(base) }

    /// The results name: `base`, or `base>variant`.
    package var name: String { variant.map { "\(base.name)>\($0.rawValue)" } ?? base.name }

    package var description: String { name }

    /// The display title: "WD+MaxNorm", or "WD > CB & WD & MaxNorm" for stage 2.
    package var title: String { variant.map { "\(base.title) > \($0.title)" } ?? base.title }

    /// Parses a results name; nil when it names no known regime or variant.
    package init?(name: String) {
        if let i = name.firstIndex(of: ">") {
            guard let r = Regime(rawValue: String(name[..<i])),
                  let v = Stage2Variant(rawValue: String(name[name.index(after: i)...])) else { return nil }
            self.init(r, v)
        } else {
            guard let r = Regime(rawValue: name) else { return nil }
            self.init(r)
        }
    }
}

extension RunID: Codable {
    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let id = RunID(name: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown regime name")
        }
        self = id
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}
