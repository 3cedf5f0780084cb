/// How fast the live view lets training advance: seconds per epoch, from a crawl to flat out.
package struct Pace: Equatable, Sendable {
    /// The available paces, slowest first; 0 means flat out.
    package static let levels: [Double] = [4, 2, 1.2, 0.6, 0.3, 0.15, 0.05, 0]
    /// The default: 0.6 s per epoch, so the default 100 epochs form in about a minute.
    package static let standard = Pace(index: 3)

    /// Index into `levels`.
    package private(set) var index: Int

    package init(index: Int) { self.index = max(0, min(Pace.levels.count - 1, index)) }

    /// The pace closest to `secondsPerEpoch` (0 for flat out).
    package init(secondsPerEpoch: Double) {
        let best = Pace.levels.indices.min { abs(Pace.levels[$0] - secondsPerEpoch) < abs(Pace.levels[$1] - secondsPerEpoch) }!
        self.init(index: best)
    }

    /// Seconds between epochs; 0 when flat out.
    package var secondsPerEpoch: Double { Pace.levels[index] }
    /// Whether training runs as fast as it can.
    var isFlatOut: Bool { secondsPerEpoch == 0 }

    /// One step faster (stays at flat out).
    package mutating func faster() { index = min(Pace.levels.count - 1, index + 1) }
    /// One step slower (stays at the crawl).
    package mutating func slower() { index = max(0, index - 1) }

    /// The label in the header: "0.6 s/epoch" or "flat out".
    package var label: String {
        if isFlatOut { return "flat out" }
        let s = secondsPerEpoch
        return (s == s.rounded() ? String(Int(s)) : String(s)) + " s/epoch"
    }
}
