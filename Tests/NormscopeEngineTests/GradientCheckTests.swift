import Testing
@testable import NormscopeEngine

/// Finite-difference checks of every layer's gradients, for plain, L2-normalized and class-weighted losses.
struct GradientCheckTests {
    /// A tiny network with a fixed random batch.
    struct Fixture {
        let net: Network
        let x: [Float]
        let y: [Int32]
        let batch = 5

        init(l2: Bool, seed: UInt64 = 7) {
            var rng = SplitMix64(seed: seed)
            net = Network(sizes: [6, 9, 7, 5], maxBatch: 8, rng: &rng)
            net.l2Normalized = l2
            x = (0..<(5 * 6)).map { _ in rng.nextFloat(bound: 1.5) }
            y = [0, 3, 4, 1, 3]
        }

        /// The mean (optionally class-weighted) loss at the current parameters; leaves gradients in `net.grads`
        /// when `backward` is set.
        func loss(weights: [Float]?, backward: Bool = false) -> Double {
            x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: batch) }
            net.forward(batch: batch)
            let logits = net.activations[net.layerCount]
            let result = y.withUnsafeBufferPointer { yp in
                if let w = weights {
                    return w.withUnsafeBufferPointer {
                        SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: yp.baseAddress!, batch: batch,
                                                            classes: net.classCount, weights: $0.baseAddress!)
                    }
                }
                return SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: yp.baseAddress!, batch: batch,
                                                           classes: net.classCount, weights: nil)
            }
            if backward { net.backward(batch: batch) }
            return result.mean
        }
    }

    /// Compares analytic gradients with central differences for every parameter.
    func check(l2: Bool, weights: [Float]?) {
        let f = Fixture(l2: l2)
        _ = f.loss(weights: weights, backward: true)
        let analytic = f.net.gradients
        let base = f.net.parameters
        var worst = 0.0
        let eps: Float = 1e-2
        for i in 0..<base.count {
            var p = base
            p[i] = base[i] + eps
            f.net.parameters = p
            let up = f.loss(weights: weights)
            p[i] = base[i] - eps
            f.net.parameters = p
            let down = f.loss(weights: weights)
            let numeric = (up - down) / Double(2 * eps)
            let err = abs(numeric - Double(analytic[i])) / max(1e-2, abs(numeric) + abs(Double(analytic[i])))
            worst = max(worst, err)
            #expect(err < 3e-2, "parameter \(i): numeric \(numeric) analytic \(analytic[i])")
        }
        f.net.parameters = base
        #expect(worst < 3e-2)
    }

    @Test func plainNetworkGradientsMatchFiniteDifferences() { check(l2: false, weights: nil) }

    @Test func l2NormalizedClassifierGradientsMatchFiniteDifferences() { check(l2: true, weights: nil) }

    @Test func classWeightedLossGradientsMatchFiniteDifferences() {
        check(l2: false, weights: [0.2, 1.5, 0.7, 2.0, 0.6])
    }

    @Test func lossOfUniformLogitsIsLogC() {
        var rng = SplitMix64(seed: 1)
        let net = Network(sizes: [3, 4], maxBatch: 2, rng: &rng)
        net.parameters = Array(repeating: 0, count: net.parameterCount)
        let x: [Float] = [1, 2, 3, 4, 5, 6]
        x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: 2) }
        net.forward(batch: 2)
        let labels: [Int32] = [0, 3]
        let l = labels.withUnsafeBufferPointer {
            SoftmaxCrossEntropy.lossAndGradient(logits: net.activations[1], labels: $0.baseAddress!, batch: 2,
                                                classes: 4, weights: nil)
        }
        #expect(abs(l.mean - _log(4)) < 1e-6)
    }
}
