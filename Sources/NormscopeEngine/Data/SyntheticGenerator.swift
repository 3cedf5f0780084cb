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

        func sample(_ k: Int, _ rng: inout SplitMix64, into features: inout [Float]) {
            let mode = rng.nextInt(below: m)
            let centre = (k * m + mode) * l
            var z = [Double](repeating: 0, count: l)
            for j in 0..<l { z[j] = centres[centre + j] + recipe.noise * rng.nextGaussian() }
            var h = [Double](repeating: 0, count: hiddenWidth)
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

        let counts = recipe.classCounts
        var trainX: [Float] = [], trainY: [Int] = []
        trainX.reserveCapacity(counts.reduce(0, +) * d)
        var trainRng = SplitMix64(seed: seed, stream: "data/train")
        for k in 0..<c { for _ in 0..<counts[k] { sample(k, &trainRng, into: &trainX); trainY.append(k) } }
        var testX: [Float] = [], testY: [Int] = []
        var testRng = SplitMix64(seed: seed, stream: "data/test")
        for k in 0..<c { for _ in 0..<recipe.testPerClass { sample(k, &testRng, into: &testX); testY.append(k) } }
        return Dataset(name: recipe.name, dimension: d, trainFeatures: trainX, trainLabels: trainY,
                       testFeatures: testX, testLabels: testY)
    }

    /// tanh from exp alone, so the data do not depend on a libm's tanh (exp is correctly rounded in practice).
    static func tanhApprox(_ x: Double) -> Double {
        if x > 20 { return 1 }
        if x < -20 { return -1 }
        let e = _exp(2 * x)
        return (e - 1) / (e + 1)
    }
}
