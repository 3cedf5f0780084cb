/// Generates the synthetic long-tailed data set of a recipe, deterministically from a seed.
///
/// Each class k owns `modesPerClass` centres drawn from a standard normal in a `latentDimension`-dimensional
/// space. A sample of class k picks one of its modes uniformly and adds isotropic Gaussian noise of standard
/// deviation `noise`. The features are a fixed random two-layer warp of the latent point,
/// `x = B · tanh(A · z + c)`, with A, B, c drawn once per seed. Modes scatter each class across the space, so a
/// linear classifier on the raw features does clearly worse than an MLP; tail classes see only a few samples
/// of their modes, so the long tail hurts.
package enum SyntheticGenerator {
    /// The data set of `recipe` for `seed`: identical bytes on every machine and run.
    package static func generate(_ recipe: DatasetRecipe, seed: UInt64) -> Dataset {
        var rng = SplitMix64(seed: seed, stream: "data")
        let c = recipe.classes, l = recipe.latentDimension, d = recipe.dimension, m = recipe.modesPerClass
        let hiddenWidth = max(d, l)
        // Mode centres, then the warp (A: hidden×l, bias c: hidden, B: d×hidden).
        let centres = (0..<(c * m * l)).map { _ in rng.nextGaussian() }
        let a = (0..<(hiddenWidth * l)).map { _ in rng.nextGaussian() / Double(l).squareRoot() * 1.5 }
        let bias = (0..<hiddenWidth).map { _ in rng.nextGaussian() * 0.5 }
        let b = (0..<(d * hiddenWidth)).map { _ in rng.nextGaussian() / Double(hiddenWidth).squareRoot() * 2 }

        // One sample of class k, appended to `features`; `z` and `h` are scratch (l and hiddenWidth long).
        func sample(_ k: Int, _ rng: inout SplitMix64, into features: inout [Float], z: inout [Double],
                    h: inout [Double]) {
            let mode = rng.nextInt(below: m)
            let centre = (k * m + mode) * l
            for j in 0..<l { z[j] = centres[centre + j] + recipe.noise * rng.nextGaussian() }
            for r in 0..<hiddenWidth {
                var s = bias[r]
                for j in 0..<l { s += a[r * l + j] * z[j] }
                h[r] = tanhApprox(s)
            }
            for r in 0..<d {
                var s = 0.0
                for j in 0..<hiddenWidth { s += b[r * hiddenWidth + j] * h[j] }
                features.append(Float(s))
            }
        }

        // The training and test sets draw from streams of their own, so they are made side by side (a live
        // restart waits for them) with the same bytes as one after the other.
        let counts = recipe.classCounts
        let parts: [[Int]] = [counts, [Int](repeating: recipe.testPerClass, count: c)]
        let streams = ["data/train", "data/test"]
        let made = Parallel.map(parts.indices) { part -> (x: [Float], y: [Int]) in
            var x: [Float] = [], y: [Int] = []
            let count = parts[part].reduce(0, +)
            x.reserveCapacity(count * d)
            y.reserveCapacity(count)
            var rng = SplitMix64(seed: seed, stream: streams[part])
            var z = [Double](repeating: 0, count: l), h = [Double](repeating: 0, count: hiddenWidth)
            for k in 0..<c { for _ in 0..<parts[part][k] { sample(k, &rng, into: &x, z: &z, h: &h); y.append(k) } }
            return (x, y)
        }
        return Dataset(name: recipe.name, dimension: d, trainFeatures: made[0].x, trainLabels: made[0].y,
                       testFeatures: made[1].x, testLabels: made[1].y)
    }

    /// tanh from exp alone, so the data do not depend on a libm's tanh (exp is correctly rounded in practice).
    static func tanhApprox(_ x: Double) -> Double {
        if x > 20 { return 1 }
        if x < -20 { return -1 }
        let e = _exp(2 * x)
        return (e - 1) / (e + 1)
    }
}
