/// Which quantity a colour scale shows: classifier norms (the chosen colour map) or test accuracy (its own map).
///
/// Accuracy runs from dark grey through green to white, so an accuracy heatmap never looks like a norm heatmap
/// in jet or viridis: a dark column is a class the network gets wrong.
enum ScalePalette: Equatable, Sendable {
    /// Norms: the colour map of `RenderOptions` (jet or viridis).
    case norm
    /// Test accuracy: dark grey (0 %) to green to white (100 %).
    case accuracy

    /// The 256-colour accuracy ramp: grey 236, the cube's greens, then paler towards white.
    static let accuracy256: [UInt8] = [236, 22, 28, 34, 40, 46, 83, 120, 157, 194, 231]

    /// The basic colours of the accuracy ramp with 16 or 8 colours, lowest first.
    static func accuracyBasic(_ mode: ColorMode) -> [UInt8] { mode == .basic16 ? [8, 2, 10, 15] : [0, 2, 7] }
}

extension ColorScale {
    /// The steps of the accuracy palette in the colour mode and glyphs of `options`.
    static func accuracySwatches(_ options: RenderOptions) -> [Swatch] {
        let glyphs = Glyphs.forMode(options.glyphs)
        switch options.colorMode {
        case .full256: return ScalePalette.accuracy256.map { Swatch(solid: .index($0)) }
        case .basic16, .basic8:
            return mixed(ScalePalette.accuracyBasic(options.colorMode).map { .index($0) }, glyphs: mixGlyphs(glyphs))
        case .none: return glyphs.shades.map(Swatch.init(shade:))
        }
    }
}
