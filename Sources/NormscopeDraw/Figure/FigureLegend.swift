import NormscopeEngine

/// What the figure's legends share between the SVG and the raster figure (and so between `figure` and the
/// live view's `e`): the order and colours of the stage-2 variants, and how a coinciding line is named.
enum FigureLegend {
    /// The stage-2 histories in the variants' own order (post-hoc L2, τ, CB & WD, CB & MaxNorm, CB & WD &
    /// MaxNorm), whatever order the results file lists them in.
    static func ordered(_ histories: [RunHistory]) -> [RunHistory] {
        histories.enumerated().sorted { a, b in
            let (ka, kb) = (variantRank(a.element), variantRank(b.element))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    /// The rank of a history's variant in `Stage2Variant.all` (variants not listed, and stage 1, last).
    static func variantRank(_ h: RunHistory) -> Int {
        h.id.variant.flatMap { Stage2Variant.all.firstIndex(of: $0) } ?? Stage2Variant.all.count
    }

    /// The tab10 colour index of a stage-2 variant's line: 5 plus its rank, so each variant keeps its colour
    /// whichever others were run.
    static func stage2ColorIndex(_ h: RunHistory) -> Int { (5 + variantRank(h)) % 10 }

    /// The legend's note for a line drawn on top of an earlier equal one: "(= CB & WD)".
    static func twinNote(_ name: String) -> String { "(= \(name))" }
}
