import Testing
@testable import NormscopeEngine

/// The matrix kernel against a naive triple loop, over shapes that exercise every edge path.
struct GemmTests {
    func reference(m: Int, n: Int, k: Int, a: [Float], lda: Int, transA: Bool, b: [Float], c0: [Float], acc: Bool) -> [Float] {
        var c = acc ? c0 : [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n {
            var s: Double = acc ? Double(c[i * n + j]) : 0
            for p in 0..<k { s += Double(transA ? a[p * lda + i] : a[i * lda + p]) * Double(b[p * n + j]) }
            c[i * n + j] = Float(s)
        } }
        return c
    }

    @Test(arguments: [(1, 1, 1), (4, 16, 3), (5, 17, 9), (7, 100, 64), (64, 128, 32), (3, 9, 1), (13, 31, 27)])
    func matchesNaiveProduct(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var rng = SplitMix64(seed: UInt64(m * 1000 + n * 10 + k))
        for transA in [false, true] {
            for acc in [false, true] {
                let lda = transA ? m : k
                let a = (0..<(m * k)).map { _ in rng.nextFloat(bound: 1) }
                let b = (0..<(k * n)).map { _ in rng.nextFloat(bound: 1) }
                let c0 = (0..<(m * n)).map { _ in rng.nextFloat(bound: 1) }
                var c = c0
                a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in c.withUnsafeMutableBufferPointer { cp in
                    Gemm.gemm(m: m, n: n, k: k, a: ap.baseAddress!, lda: lda, transA: transA, b: bp.baseAddress!, ldb: n,
                              c: cp.baseAddress!, ldc: n, accumulate: acc)
                } } }
                let r = reference(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, c0: c0, acc: acc)
                for i in 0..<(m * n) { #expect(abs(c[i] - r[i]) <= 1e-4 * Float(k + 1), "m\(m) n\(n) k\(k) t\(transA) at \(i)") }
            }
        }
    }
}
