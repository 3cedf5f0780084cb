import Foundation

extension FigureRaster {
    /// An epoch mark across a heatmap whose left edge is `x`, at height `y`: white dashes on a dark rule, and its
    /// label in white outlined in black, so it reads on both ends of the colour map (the yellow-green one too).
    /// The bitmap font has no Greek: "δ" is written "delta".
    func drawMark(_ r: inout Raster, _ m: FigureModel.EpochMark, x: Int, y: Int, font: BitmapFont) {
        let L = layout, P = L.panel, s = L.scale
        r.line(from: (x, y), to: (x + P - 1, y), color: Self.ink, thickness: L.stroke + 2 * s)
        r.line(from: (x, y), to: (x + P - 1, y), color: Self.mark, thickness: L.stroke, dash: 4 * s, gap: 2 * s)
        let label = Self.fitting([m.label.replacingOccurrences(of: "δ", with: "delta")], width: P - 6 * s, font: font)
        let lx = x + P - 3 * s, ly = y - L.line - 2 * s
        for (dx, dy) in [(-s, 0), (s, 0), (0, -s), (0, s), (-s, -s), (s, s), (-s, s), (s, -s)] {
            r.text(label, x: lx + dx, y: ly + dy, font: font, color: Self.ink, anchor: .end)
        }
        r.text(label, x: lx, y: ly, font: font, color: Self.mark, anchor: .end)
    }
}
