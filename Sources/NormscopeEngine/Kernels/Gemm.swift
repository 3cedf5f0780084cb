/// Single-precision matrix products for the dense layers, register-blocked over SIMD8 lanes.
///
/// All matrices are row-major. `gemm` computes `C[M×N] (+)= op(A)[M×K] · B[K×N]`, where `op(A)` is A
/// (`A[i*lda + p]`) or its transpose (`A[p*lda + i]`). The micro-kernel keeps a 4×16 block of C in
/// eight SIMD8 registers and streams one row of B per step, broadcasting scalars of A.
/// Summation order is fixed (p ascending), so results never depend on threads or blocking.
public enum Gemm {
    @inline(__always)
    static func fma(_ acc: SIMD8<Float>, _ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        #if NORMSCOPE_FMA
        return acc.addingProduct(a, b)
        #else
        return acc + a * b
        #endif
    }

    @inline(__always)
    static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    /// `C[M×N] = (accumulate ? C : 0) + op(A)[M×K] · B[K×N]`.
    public static func gemm(m: Int, n: Int, k: Int,
                            a: UnsafePointer<Float>, lda: Int, transA: Bool,
                            b: UnsafePointer<Float>, ldb: Int,
                            c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        // Element (i, p) of op(A) is at a + i*rs + p*cs.
        let rs = transA ? 1 : lda, cs = transA ? lda : 1
        var i = 0
        while i + 4 <= m {
            rows4(i: i, n: n, k: k, a: a, rs: rs, cs: cs, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
            i += 4
        }
        while i < m {
            row1(i: i, n: n, k: k, a: a, rs: rs, cs: cs, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
            i += 1
        }
    }

    @inline(__always)
    private static func rows4(i: Int, n: Int, k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int,
                              b: UnsafePointer<Float>, ldb: Int,
                              c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        let a0 = a + i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs
        let c0 = c + i * ldc, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc
        var j = 0
        while j + 16 <= n {
            var x00 = SIMD8<Float>(), x01 = SIMD8<Float>(), x10 = SIMD8<Float>(), x11 = SIMD8<Float>()
            var x20 = SIMD8<Float>(), x21 = SIMD8<Float>(), x30 = SIMD8<Float>(), x31 = SIMD8<Float>()
            if accumulate {
                x00 = load8(c0 + j); x01 = load8(c0 + j + 8); x10 = load8(c1 + j); x11 = load8(c1 + j + 8)
                x20 = load8(c2 + j); x21 = load8(c2 + j + 8); x30 = load8(c3 + j); x31 = load8(c3 + j + 8)
            }
            var bp = b + j
            var off = 0
            for _ in 0..<k {
                let b0 = load8(bp), b1 = load8(bp + 8)
                let s0 = SIMD8<Float>(repeating: a0[off]), s1 = SIMD8<Float>(repeating: a1[off])
                let s2 = SIMD8<Float>(repeating: a2[off]), s3 = SIMD8<Float>(repeating: a3[off])
                x00 = fma(x00, s0, b0); x01 = fma(x01, s0, b1)
                x10 = fma(x10, s1, b0); x11 = fma(x11, s1, b1)
                x20 = fma(x20, s2, b0); x21 = fma(x21, s2, b1)
                x30 = fma(x30, s3, b0); x31 = fma(x31, s3, b1)
                bp += ldb
                off += cs
            }
            store8(x00, c0 + j); store8(x01, c0 + j + 8); store8(x10, c1 + j); store8(x11, c1 + j + 8)
            store8(x20, c2 + j); store8(x21, c2 + j + 8); store8(x30, c3 + j); store8(x31, c3 + j + 8)
            j += 16
        }
        while j + 8 <= n {
            var x0 = SIMD8<Float>(), x1 = SIMD8<Float>(), x2 = SIMD8<Float>(), x3 = SIMD8<Float>()
            if accumulate { x0 = load8(c0 + j); x1 = load8(c1 + j); x2 = load8(c2 + j); x3 = load8(c3 + j) }
            var bp = b + j
            var off = 0
            for _ in 0..<k {
                let b0 = load8(bp)
                x0 = fma(x0, SIMD8(repeating: a0[off]), b0)
                x1 = fma(x1, SIMD8(repeating: a1[off]), b0)
                x2 = fma(x2, SIMD8(repeating: a2[off]), b0)
                x3 = fma(x3, SIMD8(repeating: a3[off]), b0)
                bp += ldb
                off += cs
            }
            store8(x0, c0 + j); store8(x1, c1 + j); store8(x2, c2 + j); store8(x3, c3 + j)
            j += 8
        }
        while j < n {
            var s0: Float = accumulate ? c0[j] : 0, s1: Float = accumulate ? c1[j] : 0
            var s2: Float = accumulate ? c2[j] : 0, s3: Float = accumulate ? c3[j] : 0
            var off = 0
            for p in 0..<k {
                let bv = b[p * ldb + j]
                s0 += a0[off] * bv; s1 += a1[off] * bv; s2 += a2[off] * bv; s3 += a3[off] * bv
                off += cs
            }
            c0[j] = s0; c1[j] = s1; c2[j] = s2; c3[j] = s3
            j += 1
        }
    }

    @inline(__always)
    private static func row1(i: Int, n: Int, k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int,
                             b: UnsafePointer<Float>, ldb: Int,
                             c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        let a0 = a + i * rs
        let c0 = c + i * ldc
        var j = 0
        while j + 8 <= n {
            var x0 = accumulate ? load8(c0 + j) : SIMD8<Float>()
            var bp = b + j
            var off = 0
            for _ in 0..<k {
                x0 = fma(x0, SIMD8(repeating: a0[off]), load8(bp))
                bp += ldb
                off += cs
            }
            store8(x0, c0 + j)
            j += 8
        }
        while j < n {
            var s: Float = accumulate ? c0[j] : 0
            var off = 0
            for p in 0..<k {
                s += a0[off] * b[p * ldb + j]
                off += cs
            }
            c0[j] = s
            j += 1
        }
    }
}
