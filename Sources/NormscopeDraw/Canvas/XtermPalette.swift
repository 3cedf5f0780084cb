/// The xterm 256-colour palette: mapping RGB colours to palette indices and back.
package enum XtermPalette {
    /// Levels of the 6x6x6 colour cube, 0...255.
    static let cubeLevels: [Double] = [0, 95, 135, 175, 215, 255]

    /// The RGB (0...1) of palette index `i` (16...255 exact; 0...15 the usual xterm values).
    package static func rgb(of i: UInt8) -> (r: Double, g: Double, b: Double) {
        let basic: [(Double, Double, Double)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let v = Int(i)
        if v < 16 { let c = basic[v]; return (c.0 / 255, c.1 / 255, c.2 / 255) }
        if v >= 232 { let g = Double(8 + 10 * (v - 232)) / 255; return (g, g, g) }
        let c = v - 16
        return (cubeLevels[c / 36] / 255, cubeLevels[(c / 6) % 6] / 255, cubeLevels[c % 6] / 255)
    }

    /// The index in 16...255 (cube or grey ramp) nearest to an RGB colour with components in 0...1.
    static func nearestIndex(r: Double, g: Double, b: Double) -> UInt8 {
        func level(_ x: Double) -> Int {
            let v = max(0, min(255, x * 255))
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - v) < abs(cubeLevels[best] - v) { best = i }
            return best
        }
        let (ri, gi, bi) = (level(r), level(g), level(b))
        let cube = UInt8(16 + 36 * ri + 6 * gi + bi)
        let grey = (r + g + b) / 3
        let gIndex = max(0, min(23, Int(((grey * 255 - 8) / 10).rounded())))
        let greyIdx = UInt8(232 + gIndex)
        return distance(cube, r, g, b) <= distance(greyIdx, r, g, b) ? cube : greyIdx
    }

    static func distance(_ i: UInt8, _ r: Double, _ g: Double, _ b: Double) -> Double {
        let c = rgb(of: i)
        return (c.r - r) * (c.r - r) + (c.g - g) * (c.g - g) + (c.b - b) * (c.b - b)
    }
}
