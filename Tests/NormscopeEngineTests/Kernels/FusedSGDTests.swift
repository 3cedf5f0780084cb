import Testing
@testable import NormscopeEngine

/// The SGD step fused into the weight-gradient product gives the same bits as the gradient stored and then
/// stepped by `Vector.sgdMomentum`, in the kernel and in whole training steps.
struct FusedSGDTests {
    /// Random shapes with ragged edges, both layouts of A, each supported variant: the fused finish leaves
    /// exactly the weights and momentum of the store-then-step path.
    @Test(arguments: KernelTarget.allCases.filter(\.isSupported))
    func theFusedFinishStepsLikeStoreThenStep(target: KernelTarget) {
        var rng = SplitMix64(seed: 31)
        var shapes = [(1, 1, 1), (32, 128, 64), (128, 128, 64), (64, 100, 64), (13, 47, 5), (9, 17, 3), (8, 36, 64)]
        for _ in 0..<20 {
            shapes.append((1 + rng.nextInt(below: 70), 1 + rng.nextInt(below: 140), 1 + rng.nextInt(below: 90)))
        }
        for (m, n, k) in shapes {
            let rand = { (count: Int, rng: inout SplitMix64) in (0..<count).map { _ in rng.nextFloat(bound: 1) } }
            let a = rand(m * k, &rng), b = rand(k * n, &rng), w0 = rand(m * n, &rng), v0 = rand(m * n, &rng)
            for transA in [false, true] {
                var (w1, v1, g) = (w0, v0, [Float](repeating: 0, count: m * n))
                var (w2, v2) = (w0, v0)
                a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in
                    let lda = transA ? m : k
                    g.withUnsafeMutableBufferPointer { gp in
                        Gemm.gemm(m: m, n: n, k: k, a: ap.baseAddress!, lda: lda, transA: transA, b: bp.baseAddress!,
                                  ldb: n, c: gp.baseAddress!, ldc: n, start: .zero, finish: .store, target: target)
                        w1.withUnsafeMutableBufferPointer { wp in v1.withUnsafeMutableBufferPointer { vp in
                            Vector.sgdMomentum(w: wp.baseAddress!, g: gp.baseAddress!, v: vp.baseAddress!, count: m * n,
                                               learningRate: 0.05, momentum: 0.9, weightDecay: 5e-3)
                        }}
                    }
                    w2.withUnsafeMutableBufferPointer { wp in v2.withUnsafeMutableBufferPointer { vp in
                        let step = Gemm.Finish.sgd(w: wp.baseAddress!, v: vp.baseAddress!,
                                                   learningRate: 0.05, momentum: 0.9, weightDecay: 5e-3)
                        var unused: Float = 0
                        Gemm.gemm(m: m, n: n, k: k, a: ap.baseAddress!, lda: lda, transA: transA, b: bp.baseAddress!,
                                  ldb: n, c: &unused, ldc: n, start: .zero, finish: step, target: target)
                    }}
                }}
                #expect(w1.map(\.bitPattern) == w2.map(\.bitPattern), "\(target) m\(m) n\(n) k\(k) transA \(transA)")
                #expect(v1.map(\.bitPattern) == v2.map(\.bitPattern), "\(target) m\(m) n\(n) k\(k) transA \(transA)")
            }
        }
    }

    /// Steps of a network trained with the fused step and of its twin trained with the plain one (backward, then
    /// `sgdStep` over the range): the same parameters and momentum, bit for bit, with batch normalization, an
    /// L2-normalised classifier (not fused) and stage 2's classifier-only steps.
    @Test(arguments: [(false, false, false), (true, false, false), (false, true, false), (false, false, true),
                      (true, true, false)])
    func fusedTrainingStepsMatchThePlainOnes(batchNorm: Bool, l2: Bool, classifierOnly: Bool) {
        var rng = SplitMix64(seed: 9)
        let sizes = [12, 40, 24, 33], batch = 19
        let nets = (0..<2).map { _ -> Network in
            var r = SplitMix64(seed: 4)
            let net = Network(sizes: sizes, maxBatch: batch, batchNorm: batchNorm, rng: &r)
            net.l2Normalized = l2
            return net
        }
        let settings = SGDSettings(learningRate: 0.1, momentum: 0.9, weightDecay: 1e-2)
        let range = classifierOnly ? nets[0].classifierRange : 0..<nets[0].parameterCount
        for _ in 0..<4 {
            let x = (0..<(batch * sizes[0])).map { _ in rng.nextFloat(bound: 2) }
            let y = (0..<batch).map { _ in Int32(rng.nextInt(below: sizes.last!)) }
            for (fused, net) in zip([false, true], nets) {
                x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: batch) }
                net.forward(batch: batch, mode: classifierOnly ? .evaluation : .training)
                _ = y.withUnsafeBufferPointer {
                    SoftmaxCrossEntropy.lossAndGradient(logits: net.activations[net.layerCount], labels: $0.baseAddress!,
                                                        batch: batch, classes: net.classCount, weights: nil)
                }
                if fused {
                    net.backward(batch: batch, classifierOnly: classifierOnly, step: settings)
                    net.sgdStep(afterFused: settings, range: range, classifierOnly: classifierOnly)
                } else {
                    net.backward(batch: batch, classifierOnly: classifierOnly)
                    net.sgdStep(range: range, learningRate: settings.learningRate, momentum: settings.momentum,
                                weightDecay: settings.weightDecay)
                }
            }
            let count = nets[0].parameterCount
            let (p0, p1) = (nets[0].parameters, nets[1].parameters)
            #expect(p0.map(\.bitPattern) == p1.map(\.bitPattern))
            let v0 = Array(UnsafeBufferPointer(start: nets[0].velocity, count: count))
            let v1 = Array(UnsafeBufferPointer(start: nets[1].velocity, count: count))
            #expect(v0.map(\.bitPattern) == v1.map(\.bitPattern))
            #expect(v0.contains { $0 != 0 })
        }
    }
}
