import Testing
@testable import NormscopeEngine

/// The two kernel variants (16 lanes with AVX-512, 8 with AVX2) give the same bits, and the choice between them.
struct KernelVariantTests {
    /// Runs one fused product with the given variant.
    static func product(_ target: KernelTarget, m: Int, n: Int, k: Int, a: [Float], transA: Bool, b: [Float],
                        c0: [Float], bias: [Float], act: [Float], start: Int, finish: Int) -> [Float] {
        var c = c0
        a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in bias.withUnsafeBufferPointer { biasp in
        act.withUnsafeBufferPointer { actp in c.withUnsafeMutableBufferPointer { cp in
            let s: Gemm.Start = [.zero, .load, .bias(biasp.baseAddress!)][start]
            let f: Gemm.Finish = [.store, .relu, .mask(actp.baseAddress!, ld: n)][finish]
            Gemm.gemm(m: m, n: n, k: k, a: ap.baseAddress!, lda: transA ? m : k, transA: transA, b: bp.baseAddress!,
                      ldb: n, c: cp.baseAddress!, ldc: n, start: s, finish: f, target: target)
        }}}}}
        return c
    }

    /// Random shapes, ragged edges included (N not a multiple of 32, 16, 8 or 4; M not of 6 or of 8, the row
    /// blocks of the narrow and of the wide variant's two-vector kernel), every start and
    /// finish, both layouts of A: every element has the same bits in both variants. Values are signed so the
    /// ReLU and the mask cut some of them.
    @Test(.enabled(if: KernelTarget.hostSupportsAVX512, "the wide kernels need AVX-512"))
    func wideAndNarrowKernelsGiveIdenticalBits() {
        var rng = SplitMix64(seed: 22)
        var shapes = [(1, 1, 1), (6, 32, 8), (7, 100, 64), (64, 128, 32), (13, 47, 5), (5, 17, 300), (64, 100, 128),
                      (8, 32, 3), (9, 64, 20), (63, 96, 7), (130, 33, 12)]
        for _ in 0..<40 {
            shapes.append((1 + rng.nextInt(below: 70), 1 + rng.nextInt(below: 140), 1 + rng.nextInt(below: 90)))
        }
        for (m, n, k) in shapes {
            let rand = { (count: Int, rng: inout SplitMix64) in (0..<count).map { _ in rng.nextFloat(bound: 1) } }
            let a = rand(m * k, &rng), b = rand(k * n, &rng), c0 = rand(m * n, &rng)
            let bias = rand(n, &rng), act = rand(m * n, &rng)
            for transA in [false, true] {
                for start in 0..<3 {
                    for finish in 0..<3 {
                        let wide = Self.product(.avx512, m: m, n: n, k: k, a: a, transA: transA, b: b, c0: c0,
                                                bias: bias, act: act, start: start, finish: finish)
                        let narrow = Self.product(.avx2, m: m, n: n, k: k, a: a, transA: transA, b: b, c0: c0,
                                                  bias: bias, act: act, start: start, finish: finish)
                        let differing = zip(wide, narrow).filter { $0.bitPattern != $1.bitPattern }.count
                        #expect(differing == 0, "m\(m) n\(n) k\(k) transA \(transA) start \(start) finish \(finish)")
                    }
                }
            }
        }
    }

    /// Every row count from 1 to 20 (blocks of 8, 6 and 4 rows, and ragged ends) gives every element the bits of
    /// its plain FMA chain `c = fma(c, a_p, b_p)` for p ascending, in each variant, on two-vector strips and edges.
    @Test(arguments: KernelTarget.allCases.filter(\.isSupported))
    func everyRowCountKeepsEachElementsChain(target: KernelTarget) {
        var rng = SplitMix64(seed: 44)
        let n = 2 * target.lanes + 5, k = 23
        for m in 1...20 {
            let a = (0..<(m * k)).map { _ in rng.nextFloat(bound: 1) }, b = (0..<(k * n)).map { _ in rng.nextFloat(bound: 1) }
            let bias = (0..<n).map { _ in rng.nextFloat(bound: 1) }
            let got = Self.product(target, m: m, n: n, k: k, a: a, transA: false, b: b, c0: [Float](repeating: 0, count: m * n),
                                   bias: bias, act: [Float](repeating: 0, count: m * n), start: 2, finish: 0)
            for i in 0..<m {
                for j in 0..<n {
                    let chain = (0..<k).reduce(bias[j]) { $0.addingProduct(a[i * k + $1], b[$1 * n + j]) }
                    #expect(got[i * n + j].bitPattern == chain.bitPattern, "\(target) m\(m) (\(i), \(j))")
                }
            }
        }
    }

    /// The variants compute a product, not just the same thing: both match a Double reference.
    @Test(arguments: KernelTarget.allCases.filter(\.isSupported))
    func eachVariantMatchesTheReference(target: KernelTarget) {
        var rng = SplitMix64(seed: 5)
        let m = 11, n = 45, k = 19
        let a = (0..<(m * k)).map { _ in rng.nextFloat(bound: 1) }, b = (0..<(k * n)).map { _ in rng.nextFloat(bound: 1) }
        let zero = [Float](repeating: 0, count: m * n)
        let got = Self.product(target, m: m, n: n, k: k, a: a, transA: false, b: b, c0: zero, bias: [Float](repeating: 0, count: n),
                               act: zero, start: 0, finish: 0)
        for i in 0..<m {
            for j in 0..<n {
                let want = (0..<k).reduce(0.0) { $0 + Double(a[i * k + $1]) * Double(b[$1 * n + j]) }
                #expect(abs(Double(got[i * n + j]) - want) <= 1e-5 * Double(k), "\(target) (\(i), \(j))")
            }
        }
    }

    /// The choice: the widest the CPU runs, a narrower one on request, an impossible or unknown request ignored.
    @Test func theChoiceIsTheWidestUnlessANarrowerOneIsRequested() {
        #expect(KernelTarget.hostSupportsBaseline)
        let widest: KernelTarget = KernelTarget.hostSupportsAVX512 ? .avx512 : .avx2
        #expect(KernelTarget.choose(requested: nil) == widest)
        #expect(KernelTarget.choose(requested: "avx2") == .avx2)
        #expect(KernelTarget.choose(requested: "AVX2") == .avx2)
        #expect(KernelTarget.choose(requested: "sse") == widest)
        #expect(KernelTarget.choose(requested: "avx512") == widest)
        #expect(KernelTarget.current.isSupported)
    }
}
