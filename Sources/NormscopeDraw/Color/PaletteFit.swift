/// Fits a colour map to the xterm 256-colour palette in Oklab, as many distinct steps as the palette allows.
///
/// Plain nearest colours collapse a map onto few palette entries (viridis: eight, most of 0.25 to 0.75 one
/// colour). The fit instead picks `steps` palette colours, one per equal slice of the map, each among the
/// nearest to the slice's middle, with lightness rising by at least `minLightnessStep` from one to the
/// next, so every step is a colour of its own and the ramp still reads dark to light. Dynamic programming
/// finds the sequence closest to the map overall.
enum PaletteFit {
    /// The colour-cube indices (16...231): the grey ramp would put grey between the map's hues.
    static let cube: [UInt8] = Array(16...231)

    /// How much more hue counts than lightness in the fit: the cube's few levels would otherwise buy the
    /// right lightness with a grey.
    static let hueWeight = 2.0

    /// `steps` palette indices for `map` (see the type's summary); an empty array when no sequence satisfies
    /// the constraints among each slice's `candidates` nearest colours.
    static func monotone(_ map: ColorMapKind, steps: Int, minLightnessStep: Double = 0.01, candidates: Int = 40,
                         palette: [UInt8] = cube) -> [UInt8] {
        let w = hueWeight
        guard steps > 0, !palette.isEmpty else { return [] }
        let lab = palette.map { i -> Oklab in let c = XtermPalette.rgb(of: i); return Oklab(RGB(c.r, c.g, c.b)) }
        let targets = (0..<steps).map { Oklab(map.rgb(at: (Double($0) + 0.5) / Double(steps))) }
        let near = targets.map { t in
            Array(lab.indices.sorted { lab[$0].distance2(t, hueWeight: w) < lab[$1].distance2(t, hueWeight: w) }.prefix(candidates))
        }
        var cost = near[0].map { lab[$0].distance2(targets[0], hueWeight: w) }
        var back: [[Int]] = [Array(repeating: -1, count: near[0].count)]
        for k in 1..<steps {
            var next: [Double] = [], from: [Int] = []
            for c in near[k] {
                var best = Double.infinity, arg = -1
                for (j, p) in near[k - 1].enumerated() where cost[j] < best && lab[c].l >= lab[p].l + minLightnessStep {
                    (best, arg) = (cost[j], j)
                }
                next.append(best + lab[c].distance2(targets[k], hueWeight: w))
                from.append(arg)
            }
            cost = next
            back.append(from)
        }
        guard var j = cost.indices.min(by: { cost[$0] < cost[$1] }), cost[j].isFinite else { return [] }
        var out: [UInt8] = []
        for k in stride(from: steps - 1, through: 0, by: -1) {
            out.append(palette[near[k][j]])
            j = back[k][j]
        }
        return out.reversed()
    }
}
