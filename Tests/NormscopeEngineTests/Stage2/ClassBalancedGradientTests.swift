import Foundation
import Testing
@testable import NormscopeEngine

/// Finite-difference checks of the class-balanced loss in the stage-2 setting: the effective-number weights
/// (large ratios), a one-layer classifier head, and the classifier-only backward pass of a full network.
struct ClassBalancedGradientTests {
    static let counts = [500, 200, 60, 15, 5]
    static let weights = ClassBalancedWeights.weights(counts: counts, beta: 0.9999).map { Float($0) }

    /// The weighted mean loss of `net` on a fixed batch; optionally leaves gradients in `net.grads`.
    func loss(_ net: Network, x: [Float], y: [Int32], backward: Bool = false, classifierOnly: Bool = false) -> Double {
        x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: y.count) }
        net.forward(batch: y.count)
        let r = y.withUnsafeBufferPointer { yp in
            Self.weights.withUnsafeBufferPointer {
                SoftmaxCrossEntropy.lossAndGradient(logits: net.activations[net.layerCount], labels: yp.baseAddress!,
                                                    batch: y.count, classes: net.classCount, weights: $0.baseAddress!)
            }
        }
        if backward { net.backward(batch: y.count, classifierOnly: classifierOnly) }
        return r.mean
    }

    @Test func headGradientsMatchFiniteDifferences() {
        var rng = SplitMix64(seed: 3)
        let net = Network(sizes: [7, 5], maxBatch: 8, rng: &rng)
        let x = (0..<(6 * 7)).map { _ in rng.nextFloat(bound: 2) }
        let y: [Int32] = [0, 4, 4, 1, 3, 2]
        _ = loss(net, x: x, y: y, backward: true)
        let analytic = net.gradients
        let base = net.parameters
        let eps: Float = 1e-2
        for i in 0..<base.count {
            var p = base
            p[i] = base[i] + eps
            net.parameters = p
            let up = loss(net, x: x, y: y)
            p[i] = base[i] - eps
            net.parameters = p
            let down = loss(net, x: x, y: y)
            let numeric = (up - down) / Double(2 * eps)
            let err = abs(numeric - Double(analytic[i])) / max(1e-2, abs(numeric) + abs(Double(analytic[i])))
            #expect(err < 2e-2, "parameter \(i): numeric \(numeric) analytic \(analytic[i])")
        }
    }

    @Test func lossIsTheWeightedMeanOfSampleLosses() {
        // Zero weights and biases: every sample loss is log C, so any weighting gives log C.
        var rng = SplitMix64(seed: 1)
        let net = Network(sizes: [3, 5], maxBatch: 4, rng: &rng)
        net.parameters = Array(repeating: 0, count: net.parameterCount)
        #expect(abs(loss(net, x: Array(repeating: 1, count: 9), y: [0, 4, 2]) - _log(5)) < 1e-6)
        // One confident sample and one uniform one: (w0 * l0 + w4 * log 5) / (w0 + w4).
        var p = net.parameters
        p[15 + 0] = 3 // bias of class 0
        net.parameters = p
        let l0 = -log(exp(3.0) / (exp(3.0) + 4))
        let l4 = -log(1 / (exp(3.0) + 4))
        let w0 = Double(Self.weights[0]), w4 = Double(Self.weights[4])
        let expected = (w0 * l0 + w4 * l4) / (w0 + w4)
        #expect(abs(loss(net, x: Array(repeating: 0, count: 6), y: [0, 4]) - expected) < 1e-5)
    }

    @Test func classifierOnlyBackwardGivesTheFullClassifierGradient() {
        var rng = SplitMix64(seed: 9)
        let net = Network(sizes: [6, 9, 7, 5], maxBatch: 8, rng: &rng)
        let x = (0..<(5 * 6)).map { _ in rng.nextFloat(bound: 1.5) }
        let y: [Int32] = [0, 3, 4, 1, 4]
        _ = loss(net, x: x, y: y, backward: true)
        let full = Array(net.gradients[net.classifierRange])
        _ = loss(net, x: x, y: y, backward: true, classifierOnly: true)
        #expect(Array(net.gradients[net.classifierRange]) == full)
    }

    @Test func headOnFeaturesHasTheSameGradientAsTheFrozenFullNetwork() {
        var rng = SplitMix64(seed: 4)
        let net = Network(sizes: [6, 9, 7, 5], maxBatch: 8, rng: &rng)
        let x = (0..<(5 * 6)).map { _ in rng.nextFloat(bound: 1.5) }
        let y: [Int32] = [2, 3, 4, 1, 4]
        _ = loss(net, x: x, y: y, backward: true, classifierOnly: true)
        let full = Array(net.gradients[net.classifierRange])
        let head = net.classifierHead(maxBatch: 8)
        _ = loss(head, x: net.features(of: x, count: 5), y: y, backward: true)
        for (a, b) in zip(head.gradients, full) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b))) }
    }
}
