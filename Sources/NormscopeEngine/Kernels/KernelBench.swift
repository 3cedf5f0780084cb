import NormscopeKernelsAVX2
import NormscopeKernelsAVX512
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Measurements behind `normscope bench`: the core's multiply-add peak and the dense-layer products on the
/// training shapes, in GFLOP/s (one multiply-add counts 2 FLOP; a product of shapes M×K and K×N counts 2·M·N·K).
///
/// Each figure is the median (and best) of many short repetitions timed with the thread's CPU clock, so time the
/// scheduler gives to other processes on a shared machine is not counted against the kernel.
package enum KernelBench {
    /// A rate over repetitions.
    package struct Rate: Sendable {
        package let median: Double
        package let best: Double

        init(_ samples: [Double]) {
            let s = samples.sorted()
            median = s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
            best = s.last ?? 0
        }
    }

    /// One measured product.
    package struct Product: Sendable {
        /// `forward`, `weight grad` or `input grad`.
        package let kind: String
        /// Layer index (0 = first hidden layer).
        package let layer: Int
        package let m: Int, n: Int, k: Int
        package let gflops: Rate
        package var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
    }

    /// CPU time of the calling thread, in seconds.
    package static func threadCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Times `body` (which does `flops` FLOP) `repetitions` times, each repeated until it lasts about `target`
    /// seconds; returns GFLOP/s.
    static func rate(flops: Double, repetitions: Int, target: Double = 0.004, _ body: () -> Void) -> Rate {
        body()
        var inner = 1
        while true {
            let t0 = threadCPUTime()
            for _ in 0..<inner { body() }
            let dt = threadCPUTime() - t0
            if dt >= target / 4 || inner >= 1 << 20 {
                inner = max(1, Int(Double(inner) * target / max(dt, 1e-9)))
                break
            }
            inner *= 4
        }
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let t0 = threadCPUTime()
            for _ in 0..<inner { body() }
            let dt = threadCPUTime() - t0
            if dt > 0 { samples.append(flops * Double(inner) / dt / 1e9) }
        }
        return Rate(samples)
    }

    /// The single-core multiply-add peak of a kernel variant (by default the one in use) with its widest
    /// vector: twelve independent FMA chains in registers, no memory traffic (`FMAPeak` in the variant's module).
    package static func fmaPeak(target: KernelTarget = .current, repetitions: Int = 31) -> Rate {
        let iterations = 100_000
        // Each call starts from the last one's result, so no call can be hoisted or merged.
        var sink: Float = 0.1
        let r: Rate
        switch target {
        case .avx512:
            r = rate(flops: Double(iterations) * NormscopeKernelsAVX512.FMAPeak.flopsPerIteration, repetitions: repetitions) {
                sink = NormscopeKernelsAVX512.FMAPeak.loop(iterations, start: sink)
            }
        case .avx2:
            r = rate(flops: Double(iterations) * NormscopeKernelsAVX2.FMAPeak.flopsPerIteration, repetitions: repetitions) {
                sink = NormscopeKernelsAVX2.FMAPeak.loop(iterations, start: sink)
            }
        }
        if sink == 42 { print("") }
        return r
    }

    /// The three products of every dense layer of a network of `sizes`, as training runs them at `batch`:
    /// forward (bias and ReLU fused), weight gradient (`Xᵀ·dY`) and input gradient (`dY·W`, ReLU mask fused;
    /// not for the first layer). Data are random; weights are the network's initial ones.
    package static func layerProducts(sizes: [Int], batch: Int, repetitions: Int = 21) -> [Product] {
        var rng = SplitMix64(seed: 1, stream: "bench")
        let net = Network(sizes: sizes, maxBatch: batch, rng: &rng)
        for (l, w) in sizes.enumerated() {
            let a = net.activations[l]
            for i in 0..<(batch * w) { a[i] = max(0, rng.nextFloat(bound: 1)) }
        }
        for i in 0..<(batch * sizes.max()!) { net.deltaA[i] = rng.nextFloat(bound: 1) }
        var out: [Product] = []
        for l in 0..<net.layerCount {
            let i = sizes[l], o = sizes[l + 1]
            let flops = 2 * Double(batch * i * o)
            let w = net.params + net.weightOffset[l]
            // The forward pass writes into a scratch copy so the inputs of later layers stay as they are.
            out.append(Product(kind: "forward", layer: l, m: batch, n: o, k: i, gflops: rate(flops: flops, repetitions: repetitions) {
                Gemm.gemm(m: batch, n: o, k: i, a: net.activations[l], lda: i, transA: false, b: w, ldb: o,
                          c: net.deltaB, ldc: o, start: .bias(net.params + net.biasOffset[l]),
                          finish: l < net.layerCount - 1 ? .relu : .store)
            }))
            out.append(Product(kind: "weight grad", layer: l, m: i, n: o, k: batch, gflops: rate(flops: flops, repetitions: repetitions) {
                Gemm.gemm(m: i, n: o, k: batch, a: net.activations[l], lda: i, transA: true, b: net.deltaA, ldb: o,
                          c: net.grads + net.weightOffset[l], ldc: o, start: .zero, finish: .store)
            }))
            if l > 0 {
                out.append(Product(kind: "input grad", layer: l, m: batch, n: i, k: o, gflops: rate(flops: flops, repetitions: repetitions) {
                    Vector.transpose(w, rows: i, cols: o, into: net.transposed)
                    Gemm.gemm(m: batch, n: i, k: o, a: net.deltaA, lda: o, transA: false, b: net.transposed, ldb: i,
                              c: net.deltaB, ldc: i, start: .zero, finish: .mask(net.activations[l], ld: i))
                }))
            }
        }
        return out
    }

    /// FLOP of one epoch's matrix products: training (forward, weight and input gradients; no input gradient for
    /// the first layer) on `trainCount` samples, and the evaluation forward pass on `testCount` samples.
    /// Softmax, bias, ReLU, the optimizer and the norms are not counted (they are O(parameters) or O(batch·C)).
    package static func epochFlops(sizes: [Int], trainCount: Int, testCount: Int) -> (train: Double, eval: Double) {
        var forward = 0.0, inputGrad = 0.0
        for l in 0..<(sizes.count - 1) {
            let p = 2 * Double(sizes[l]) * Double(sizes[l + 1])
            forward += p
            if l > 0 { inputGrad += p }
        }
        return (Double(trainCount) * (2 * forward + inputGrad), Double(testCount) * forward)
    }
}
