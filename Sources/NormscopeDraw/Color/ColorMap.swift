/// Continuous colour maps from a fraction in 0...1 to a colour.
extension ColorMapKind {
    /// The colour at fraction `t` (clamped to 0...1; NaN counts as 0).
    package func rgb(at t: Double) -> RGB {
        let t = t.isNaN ? 0 : min(1, max(0, t))
        switch self {
        case .jet: return JetMap.rgb(at: t)
        case .viridis: return ViridisMap.rgb(at: t)
        }
    }
}

/// matplotlib's "jet": piecewise-linear channels from its segment data.
enum JetMap {
    /// (x, value) breakpoints of each channel, as in matplotlib's `_jet_data`.
    static let red: [(Double, Double)] = [(0, 0), (0.35, 0), (0.66, 1), (0.89, 1), (1, 0.5)]
    static let green: [(Double, Double)] = [(0, 0), (0.125, 0), (0.375, 1), (0.64, 1), (0.91, 0), (1, 0)]
    static let blue: [(Double, Double)] = [(0, 0.5), (0.11, 1), (0.34, 1), (0.65, 0), (1, 0)]

    static func rgb(at t: Double) -> RGB {
        RGB(interpolate(red, t), interpolate(green, t), interpolate(blue, t))
    }

    /// Linear interpolation through breakpoints sorted by x.
    static func interpolate(_ points: [(Double, Double)], _ t: Double) -> Double {
        for i in 1..<points.count where t <= points[i].0 {
            let (x0, y0) = points[i - 1], (x1, y1) = points[i]
            return x1 == x0 ? y1 : y0 + (y1 - y0) * (t - x0) / (x1 - x0)
        }
        return points[points.count - 1].1
    }
}

/// matplotlib's "viridis", interpolated between every 16th entry of its 256-entry table (and the last).
enum ViridisMap {
    /// Entries 0, 16, 32, ..., 240 and 255 of matplotlib's `_viridis_data`.
    static let table: [RGB] = [
        RGB(0.267004, 0.004874, 0.329415), RGB(0.282327, 0.094955, 0.417331), RGB(0.278826, 0.175490, 0.483397),
        RGB(0.258965, 0.251537, 0.524736), RGB(0.229739, 0.322361, 0.545706), RGB(0.199430, 0.387607, 0.554642),
        RGB(0.172719, 0.448791, 0.557885), RGB(0.149039, 0.508051, 0.557250), RGB(0.127568, 0.566949, 0.550556),
        RGB(0.120638, 0.625828, 0.533488), RGB(0.157851, 0.683765, 0.501686), RGB(0.246070, 0.738910, 0.452024),
        RGB(0.369214, 0.788888, 0.382914), RGB(0.515992, 0.831158, 0.294279), RGB(0.678489, 0.863742, 0.189503),
        RGB(0.845561, 0.887322, 0.099702), RGB(0.993248, 0.906157, 0.143936),
    ]
    /// The fraction of each table entry: index / 255.
    static let positions: [Double] = (0..<16).map { Double($0 * 16) / 255 } + [1]

    static func rgb(at t: Double) -> RGB {
        var i = 1
        while i < positions.count - 1 && t > positions[i] { i += 1 }
        let (x0, x1) = (positions[i - 1], positions[i])
        let u = x1 == x0 ? 1 : (t - x0) / (x1 - x0)
        let a = table[i - 1], b = table[i]
        return RGB(a.r + (b.r - a.r) * u, a.g + (b.g - a.g) * u, a.b + (b.b - a.b) * u)
    }
}
