/// A small, fast, seedable random number generator (SplitMix64) that gives the same stream on every machine.
///
/// normscope never uses the system generator: every random choice (data, initial weights,
/// batch order) comes from a `SplitMix64` derived from the user's `--seed`.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose stream is fully determined by `seed`.
    package init(seed: UInt64) { state = seed }

    /// A generator for one named purpose ("data", "init", "batches", ...) derived from `seed`,
    /// so that changing how many numbers one purpose draws leaves the others unchanged.
    package init(seed: UInt64, stream: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var mixer = SplitMix64(seed: seed ^ h)
        state = mixer.next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform Float in [-bound, bound).
    package mutating func nextFloat(bound: Float) -> Float {
        let u = Float(next() >> 40) * 0x1p-24
        return (2 * u - 1) * bound
    }

    /// A uniform integer in 0..<n (n > 0), by rejection so it is unbiased and portable.
    package mutating func nextInt(below n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return Int(x % bound) }
        }
    }

    /// A standard normal sample (Box-Muller; one of the pair is discarded for simplicity).
    mutating func nextGaussian() -> Double {
        var u = nextUnit()
        while u <= 0 { u = nextUnit() }
        let v = nextUnit()
        return (-2 * _log(u)).squareRoot() * _cos(2 * Double.pi * v)
    }

    /// Fisher-Yates shuffle of `array` in place.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextInt(below: i + 1))
        }
    }
}
