/// The core's multiply-add peak with this variant's widest vector: the loop `bench` times.
package enum FMAPeak {
    /// Independent chains in the loop: enough to cover the FMA latency of two pipes (4 cycles × 2 on Zen 4 and
    /// recent Intel cores), no memory traffic.
    package static let chains = 12

    /// FLOP per iteration of `loop`: one multiply-add (2 FLOP) per lane per chain.
    package static var flopsPerIteration: Double { Double(chains * 2 * Lanes.scalarCount) }

    /// Runs `iterations` steps of twelve independent FMA chains of `Lanes` and returns a value that depends on
    /// all of them (so nothing is optimised away); `start` seeds the chains so no call can be hoisted or merged.
    @inline(never)
    package static func loop(_ iterations: Int, start: Float) -> Float {
        var x0 = Lanes(repeating: start * 1e-3 + 0.1), x1 = x0 + 0.01, x2 = x0 + 0.02, x3 = x0 + 0.03
        var x4 = x0 + 0.04, x5 = x0 + 0.05, x6 = x0 + 0.06, x7 = x0 + 0.07
        var x8 = x0 + 0.08, x9 = x0 + 0.09, xa = x0 + 0.1, xb = x0 + 0.11
        let a = Lanes(repeating: 1e-7), m = Lanes(repeating: 0.999)
        for _ in 0..<iterations {
            x0 = x0.addingProduct(a, m); x1 = x1.addingProduct(a, m); x2 = x2.addingProduct(a, m)
            x3 = x3.addingProduct(a, m); x4 = x4.addingProduct(a, m); x5 = x5.addingProduct(a, m)
            x6 = x6.addingProduct(a, m); x7 = x7.addingProduct(a, m); x8 = x8.addingProduct(a, m)
            x9 = x9.addingProduct(a, m); xa = xa.addingProduct(a, m); xb = xb.addingProduct(a, m)
        }
        return (x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + xa + xb).sum() * 1e-3
    }
}
