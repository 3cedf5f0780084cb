import NormscopeDraw

/// An exact colour table: distinct pixel values and the index of each.
struct Palette {
    /// The colours, in order of first appearance (or as given).
    let colors: [UInt32]
    private let lookup: [UInt32: UInt8]

    /// A palette of the given colours (distinct, at most 256).
    init(_ colors: [UInt32]) {
        precondition(colors.count <= 256 && Set(colors).count == colors.count, "a palette has at most 256 distinct colours")
        self.colors = colors
        var d: [UInt32: UInt8] = [:]
        for (i, c) in colors.enumerated() { d[c] = UInt8(i) }
        lookup = d
    }

    /// The palette of `raster`'s colours, or nil when it has more than `limit`.
    init?(exactly raster: Raster, limit: Int) {
        var d: [UInt32: UInt8] = [:], colors: [UInt32] = []
        for p in raster.pixels where d[p] == nil {
            guard colors.count < limit else { return nil }
            d[p] = UInt8(colors.count)
            colors.append(p)
        }
        self.colors = colors
        lookup = d
    }

    /// The index of a colour of the palette; a colour not in it gets the nearest one's.
    @inline(__always)
    func index(of color: UInt32) -> UInt8 { lookup[color] ?? nearest(color) }

    /// Whether `color` is in the palette.
    func contains(_ color: UInt32) -> Bool { lookup[color] != nil }

    private func nearest(_ color: UInt32) -> UInt8 {
        let (r, g, b) = Raster.channels(color)
        var best = 0, bestDistance = Int.max
        for (i, c) in colors.enumerated() {
            let (r2, g2, b2) = Raster.channels(c)
            let d = (Int(r) - Int(r2)) * (Int(r) - Int(r2)) + (Int(g) - Int(g2)) * (Int(g) - Int(g2))
                + (Int(b) - Int(b2)) * (Int(b) - Int(b2))
            if d < bestDistance { (best, bestDistance) = (i, d) }
        }
        return UInt8(best)
    }
}
