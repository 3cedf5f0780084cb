import Foundation
import Testing
@testable import NormscopeEngine

/// The SIMD kernels against plain reference loops, and the properties determinism rests on.
struct KernelTests {
    static func random(_ n: Int, _ rng: inout SplitMix64, bound: Float = 1) -> [Float] {
        (0..<n).map { _ in rng.nextFloat(bound: bound) }
    }

    /// `finish(start + op(A)·B)` in Double.
    static func reference(m: Int, n: Int, k: Int, a: [Float], transA: Bool, b: [Float], c0: [Float], start: String,
                          bias: [Float], finish: String, act: [Float]) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Double = start == "load" ? Double(c0[i * n + j]) : start == "bias" ? Double(bias[j]) : 0
                for p in 0..<k { s += Double(transA ? a[p * m + i] : a[i * k + p]) * Double(b[p * n + j]) }
                var v = Float(s)
                if finish == "relu" { v = max(v, 0) }
                if finish == "mask" && act[i * n + j] <= 0 { v = 0 }
                c[i * n + j] = v
            }
        }
        return c
    }

    /// Runs the fused kernel with the named start and finish.
    static func fused(m: Int, n: Int, k: Int, a: [Float], transA: Bool, b: [Float], c0: [Float], start: String,
                      bias: [Float], finish: String, act: [Float]) -> [Float] {
        var c = c0
        a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in bias.withUnsafeBufferPointer { biasp in
        act.withUnsafeBufferPointer { actp in c.withUnsafeMutableBufferPointer { cp in
            let s: Gemm.Start = start == "load" ? .load : start == "bias" ? .bias(biasp.baseAddress!) : .zero
            let f: Gemm.Finish = finish == "relu" ? .relu : finish == "mask" ? .mask(actp.baseAddress!, ld: n) : .store
            Gemm.gemm(m: m, n: n, k: k, a: ap.baseAddress!, lda: transA ? m : k, transA: transA, b: bp.baseAddress!,
                      ldb: n, c: cp.baseAddress!, ldc: n, start: s, finish: f)
        }}}}}
        return c
    }

    @Test(arguments: [(1, 1, 1), (6, 16, 5), (7, 29, 3), (11, 100, 64), (64, 13, 9), (5, 4, 2), (12, 24, 17), (2, 3, 40)])
    func fusedStartsAndFinishesMatchTheReference(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        var rng = SplitMix64(seed: UInt64(m * 7919 + n * 31 + k))
        let a = Self.random(m * k, &rng), b = Self.random(k * n, &rng), c0 = Self.random(m * n, &rng)
        let bias = Self.random(n, &rng), act = Self.random(m * n, &rng)
        for transA in [false, true] {
            for (start, finish) in [("zero", "store"), ("bias", "relu"), ("bias", "store"), ("zero", "mask"), ("load", "relu")] {
                let got = Self.fused(m: m, n: n, k: k, a: a, transA: transA, b: b, c0: c0, start: start, bias: bias, finish: finish, act: act)
                let want = Self.reference(m: m, n: n, k: k, a: a, transA: transA, b: b, c0: c0, start: start, bias: bias, finish: finish, act: act)
                for i in 0..<(m * n) {
                    #expect(abs(got[i] - want[i]) <= 1e-5 * Float(k + 1), "m\(m) n\(n) k\(k) t\(transA) \(start)/\(finish) at \(i)")
                }
            }
        }
    }

    /// Every element is the same FMA chain whichever block computes it: products of row and column slices are
    /// bit-identical to the whole product (what makes splitting work between threads safe).
    @Test func slicesOfAProductAreBitIdenticalToTheWhole() {
        var rng = SplitMix64(seed: 3)
        let m = 23, n = 45, k = 37
        let a = Self.random(m * k, &rng), b = Self.random(k * n, &rng)
        var whole = [Float](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in
            whole.withUnsafeMutableBufferPointer {
                Gemm.gemm(m: m, n: n, k: k, a: ap.baseAddress!, lda: k, transA: false, b: bp.baseAddress!, ldb: n,
                          c: $0.baseAddress!, ldc: n, accumulate: false)
            }
            for (rows, cols) in [((0..<5), (0..<45)), ((5..<23), (0..<17)), ((5..<23), (17..<45)), ((1..<2), (3..<4))] {
                var part = [Float](repeating: 0, count: m * n)
                part.withUnsafeMutableBufferPointer { cp in
                    Gemm.gemm(m: rows.count, n: cols.count, k: k, a: ap.baseAddress! + rows.lowerBound * k, lda: k,
                              transA: false, b: bp.baseAddress! + cols.lowerBound, ldb: n,
                              c: cp.baseAddress! + rows.lowerBound * n + cols.lowerBound, ldc: n, accumulate: false)
                }
                for i in rows { for j in cols { #expect(part[i * n + j].bitPattern == whole[i * n + j].bitPattern) } }
            }
        }}
    }

    @Test(arguments: [(1, 1), (8, 8), (16, 24), (13, 29), (128, 100), (3, 70), (64, 7)])
    func transposeMatchesIndexSwap(shape: (Int, Int)) {
        let (rows, cols) = shape
        let src = (0..<(rows * cols)).map { Float($0) }
        var dst = [Float](repeating: -1, count: rows * cols)
        src.withUnsafeBufferPointer { s in dst.withUnsafeMutableBufferPointer {
            Vector.transpose(s.baseAddress!, rows: rows, cols: cols, into: $0.baseAddress!)
        }}
        for r in 0..<rows { for c in 0..<cols { #expect(dst[c * rows + r] == src[r * cols + c]) } }
    }

    @Test func simdExpIsAccurateAndKeepsNaN() {
        var worst: Double = 0
        var x: Float = -87
        while x <= 80 {
            let input = SIMD8(repeating: x) + SIMD8(0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07)
            let v = SoftmaxCrossEntropy.exp8(input)
            for t in 0..<8 {
                let exact = Foundation.exp(Double(input[t]))
                worst = max(worst, abs(Double(v[t]) - exact) / exact)
            }
            x += 0.173
        }
        #expect(worst < 1e-6, "worst relative error \(worst)")
        let special = SoftmaxCrossEntropy.exp8(SIMD8(0, -.infinity, .nan, -1000, 1, -1, 0.5, -0.5))
        #expect(special[0] == 1)
        #expect(special[1] >= 0 && special[1] < 1e-37)
        #expect(special[2].isNaN)
        #expect(special[3] >= 0 && special[3] < 1e-37)
    }

    @Test func softmaxGradientMatchesTheReference() {
        var rng = SplitMix64(seed: 9)
        let batch = 7, classes = 19
        let logits = Self.random(batch * classes, &rng, bound: 6)
        let labels: [Int32] = [0, 18, 3, 3, 9, 17, 1]
        var grad = logits
        let result = labels.withUnsafeBufferPointer { lp in grad.withUnsafeMutableBufferPointer {
            SoftmaxCrossEntropy.lossAndGradient(logits: $0.baseAddress!, labels: lp.baseAddress!, batch: batch,
                                                classes: classes, weights: nil)
        }}
        var total = 0.0
        for i in 0..<batch {
            let row = (0..<classes).map { Double(logits[i * classes + $0]) }
            let mx = row.max()!
            let s = row.reduce(0) { $0 + Foundation.exp($1 - mx) }
            total += Foundation.log(s) + mx - row[Int(labels[i])]
            for j in 0..<classes {
                let want = (Foundation.exp(row[j] - mx) / s - (j == Int(labels[i]) ? 1 : 0)) / Double(batch)
                #expect(abs(Double(grad[i * classes + j]) - want) < 1e-6)
            }
        }
        #expect(abs(result.sum - total) < 1e-4)
        let lossOnly = labels.withUnsafeBufferPointer { lp in
            var copy = logits
            return copy.withUnsafeMutableBufferPointer {
                SoftmaxCrossEntropy.loss(logits: $0.baseAddress!, labels: lp.baseAddress!, batch: batch, classes: classes)
            }
        }
        #expect(abs(lossOnly - total) < 1e-4)
    }

    @Test func aNaNLogitMakesTheLossNaN() {
        var logits: [Float] = [1, 2, .nan, 0, 1, 2, 3, 4, 5, 6, 7]
        let labels: [Int32] = [0]
        let r = labels.withUnsafeBufferPointer { lp in logits.withUnsafeMutableBufferPointer {
            SoftmaxCrossEntropy.lossAndGradient(logits: $0.baseAddress!, labels: lp.baseAddress!, batch: 1, classes: 11, weights: nil)
        }}
        #expect(r.sum.isNaN)
    }

    @Test func sgdMomentumFollowsPyTorchsRule() {
        var rng = SplitMix64(seed: 4)
        let n = 37
        var w = Self.random(n, &rng), v = Self.random(n, &rng)
        let g = Self.random(n, &rng)
        let w0 = w, v0 = v
        w.withUnsafeMutableBufferPointer { wp in v.withUnsafeMutableBufferPointer { vp in g.withUnsafeBufferPointer { gp in
            Vector.sgdMomentum(w: wp.baseAddress!, g: gp.baseAddress!, v: vp.baseAddress!, count: n,
                               learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
        }}}
        for i in 0..<n {
            let vi = 0.9 * v0[i] + (g[i] + 0.01 * w0[i])
            #expect(abs(v[i] - vi) < 1e-6 && abs(w[i] - (w0[i] - 0.1 * vi)) < 1e-6)
        }
    }

    @Test func columnSumsAndFinitenessChecks() {
        var rng = SplitMix64(seed: 5)
        let rows = 9, cols = 21
        let m = Self.random(rows * cols, &rng)
        var out = [Float](repeating: 0, count: cols)
        m.withUnsafeBufferPointer { mp in out.withUnsafeMutableBufferPointer {
            Vector.columnSums(mp.baseAddress!, rows: rows, n: cols, into: $0.baseAddress!)
        }}
        for c in 0..<cols {
            let want = (0..<rows).reduce(Float(0)) { $0 + m[$1 * cols + c] }
            #expect(abs(out[c] - want) < 1e-5)
        }
        for bad in [Float.nan, .infinity, -.infinity] {
            for at in [0, 8, 20] {
                var x = m
                x[at] = bad
                #expect(!x.withUnsafeBufferPointer { Vector.allFinite($0.baseAddress!, count: x.count) })
            }
        }
        #expect(m.withUnsafeBufferPointer { Vector.allFinite($0.baseAddress!, count: m.count) })
    }

    /// Bias gradients (`Vector.columnSums`, four 8-column strips at a time) have the bits of a plain row-order
    /// sum from 0 for every width around the strips (1 to 70 columns, 100 and 128) and a few row counts.
    @Test func columnSumsAreThePlainRowOrderSumsBitForBit() {
        var rng = SplitMix64(seed: 31)
        for cols in Array(1...70) + [100, 128] {
            for rows in [1, 3, 64] {
                let m = Self.random(rows * cols, &rng)
                var out = [Float](repeating: .nan, count: cols)
                m.withUnsafeBufferPointer { mp in out.withUnsafeMutableBufferPointer {
                    Vector.columnSums(mp.baseAddress!, rows: rows, n: cols, into: $0.baseAddress!)
                }}
                let want = (0..<cols).map { c in (0..<rows).reduce(Float(0)) { $0 + m[$1 * cols + c] } }
                #expect(out.map(\.bitPattern) == want.map(\.bitPattern), "\(rows) x \(cols)")
            }
        }
    }

    /// The network's forward pass against a plain re-implementation, for a shape with every edge (C = 10).
    @Test func networkForwardMatchesPlainLayers() {
        var rng = SplitMix64(seed: 8)
        let sizes = [5, 19, 10]
        let net = Network(sizes: sizes, maxBatch: 9, rng: &rng)
        let x = Self.random(9 * 5, &rng)
        x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: 9) }
        net.forward(batch: 9)
        let p = net.parameters
        var h = x, width = 5, off = 0
        for l in 0..<2 {
            let o = sizes[l + 1]
            var next = [Float](repeating: 0, count: 9 * o)
            for i in 0..<9 { for j in 0..<o {
                var s = Double(p[off + width * o + j])
                for q in 0..<width { s += Double(h[i * width + q]) * Double(p[off + q * o + j]) }
                next[i * o + j] = l == 0 ? max(Float(s), 0) : Float(s)
            }}
            off += width * o + o
            h = next
            width = o
        }
        let z = net.activations[2]
        for i in 0..<(9 * 10) { #expect(abs(z[i] - h[i]) < 1e-5) }
        var pred = [Int32](repeating: -1, count: 9)
        net.predictions(batch: 9, into: &pred)
        for i in 0..<9 {
            let row = (0..<10).map { z[i * 10 + $0] }
            #expect(Int(pred[i]) == row.firstIndex(of: row.max()!)!)
        }
    }
}
