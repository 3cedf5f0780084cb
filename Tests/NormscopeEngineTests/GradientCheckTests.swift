import Testing
@testable import NormscopeEngine

/// Finite-difference checks of every layer's gradients, for plain, L2-normalized and class-weighted losses, with
/// and without batch normalization (training mode: batch statistics).
struct GradientCheckTests {
    /// A tiny network with a fixed random batch.
    struct Fixture {
        let net: Network
        let x: [Float]
        let y: [Int32]
        let batch = 5

        init(l2: Bool, batchNorm: Bool = false, seed: UInt64 = 7) {
            var rng = SplitMix64(seed: seed)
            net = Network(sizes: [6, 9, 7, 5], maxBatch: 8, batchNorm: batchNorm, rng: &rng)
            net.l2Normalized = l2
            x = (0..<(5 * 6)).map { _ in rng.nextFloat(bound: 1.5) }
            y = [0, 3, 4, 1, 3]
        }

        /// The mean (optionally class-weighted) loss at the current parameters; leaves gradients in `net.grads`
        /// when `backward` is set.
        func loss(weights: [Float]?, backward: Bool = false) -> Double {
            x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: batch) }
            net.forward(batch: batch, mode: .training)
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

        /// Which hidden units of which samples are past their ReLU's kink after the last forward pass.
        func reluPattern() -> [Bool] {
            (1..<net.layerCount).flatMap { l in (0..<(batch * net.sizes[l])).map { net.activations[l][$0] > 0 } }
        }
    }

    /// Compares analytic gradients with central differences for every parameter whose perturbation leaves every
    /// ReLU on the same side of its kink (across a kink the loss has no derivative to compare with).
    func check(l2: Bool, weights: [Float]?, batchNorm: Bool = false, perturb: Bool = false, seed: UInt64 = 7) {
        let f = Fixture(l2: l2, batchNorm: batchNorm, seed: seed)
        if perturb {
            // Scales and shifts away from their initial 1 and 0, so their gradients are checked in general.
            var rng = SplitMix64(seed: seed, stream: "scale and shift")
            var p = f.net.parameters
            for (l, g) in f.net.bnScaleOffset.enumerated() {
                for j in 0..<f.net.sizes[l + 1] {
                    p[g + j] = 1 + rng.nextFloat(bound: 0.5)
                    p[f.net.bnShiftOffset[l] + j] = rng.nextFloat(bound: 0.3)
                }
            }
            f.net.parameters = p
        }
        _ = f.loss(weights: weights, backward: true)
        let pattern = f.reluPattern()
        let analytic = f.net.gradients
        let base = f.net.parameters
        var worst = 0.0
        var skipped = 0
        // Batch normalization is more curved (every sample's output moves with the batch's statistics), so its
        // differences use a smaller step; float32's rounding of the loss still allows it.
        let eps: Float = batchNorm ? 2e-3 : 1e-2
        for i in 0..<base.count {
            var p = base
            p[i] = base[i] + eps
            f.net.parameters = p
            let up = f.loss(weights: weights)
            let upPattern = f.reluPattern()
            p[i] = base[i] - eps
            f.net.parameters = p
            let down = f.loss(weights: weights)
            if upPattern != pattern || f.reluPattern() != pattern {
                skipped += 1
                continue
            }
            let numeric = (up - down) / Double(2 * eps)
            let err = abs(numeric - Double(analytic[i])) / max(1e-2, abs(numeric) + abs(Double(analytic[i])))
            worst = max(worst, err)
            #expect(err < 3e-2, "parameter \(i): numeric \(numeric) analytic \(analytic[i])")
        }
        f.net.parameters = base
        #expect(worst < 3e-2)
        #expect(skipped * 10 < base.count, "\(skipped) of \(base.count) parameters cross a ReLU kink")
    }

    @Test func plainNetworkGradientsMatchFiniteDifferences() { check(l2: false, weights: nil) }

    @Test func l2NormalizedClassifierGradientsMatchFiniteDifferences() { check(l2: true, weights: nil) }

    @Test func classWeightedLossGradientsMatchFiniteDifferences() {
        check(l2: false, weights: [0.2, 1.5, 0.7, 2.0, 0.6])
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func batchNormGradientsMatchFiniteDifferences(seed: UInt64) {
        check(l2: false, weights: nil, batchNorm: true, seed: seed)
        check(l2: false, weights: nil, batchNorm: true, perturb: true, seed: seed)
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func batchNormWithL2NormalizedClassifierGradientsMatchFiniteDifferences(seed: UInt64) {
        check(l2: true, weights: nil, batchNorm: true, perturb: true, seed: seed)
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func batchNormWithClassWeightedLossGradientsMatchFiniteDifferences(seed: UInt64) {
        check(l2: false, weights: [0.2, 1.5, 0.7, 2.0, 0.6], batchNorm: true, perturb: true, seed: seed)
    }

    @Test func batchNormAddsScaleAndShiftPerHiddenUnitBeforeTheClassifier() {
        let plain = Fixture(l2: false).net, bn = Fixture(l2: false, batchNorm: true).net
        #expect(bn.parameterCount == plain.parameterCount + 2 * (9 + 7))
        #expect(bn.classifierRange.count == plain.classifierRange.count)
        #expect(bn.classifierRange.upperBound == bn.parameterCount)
        // Same linear layers from the same seed: the normalization draws no random numbers.
        let p = bn.parameters
        #expect(Array(p[bn.weightOffset[0]..<bn.bnScaleOffset[0]]) == Array(plain.parameters[0..<plain.weightOffset[1]]))
        #expect(Array(p[bn.classifierRange]) == Array(plain.parameters[plain.classifierRange]))
        #expect(p[bn.bnScaleOffset[1]..<bn.bnShiftOffset[1]].allSatisfy { $0 == 1 })
        #expect(p[bn.bnShiftOffset[1]..<bn.weightOffset[2]].allSatisfy { $0 == 0 })
        #expect(bn.runningStatistics == [Float](repeating: 0, count: 9) + [Float](repeating: 1, count: 9)
                                         + [Float](repeating: 0, count: 7) + [Float](repeating: 1, count: 7))
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
