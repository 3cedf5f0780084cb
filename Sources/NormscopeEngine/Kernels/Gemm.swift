/// Single-precision matrix products for the dense layers, register-blocked over SIMD8 lanes.
///
/// All matrices are row-major. `gemm` computes `C[M×N] = start + op(A)[M×K] · B[K×N]`, then applies a finish
/// (store, ReLU, or ReLU's backward mask), where `op(A)` is A (`A[i*lda + p]`) or its transpose (`A[p*lda + i]`).
///
/// The micro-kernel keeps a 6×16 block of C in twelve SIMD8 registers (six rows, two vectors each: twelve
/// independent FMA chains hide the FMA latency of two pipes) and streams one 16-float row of B per step,
/// broadcasting six scalars of A. Strips of 8, 4 and 1 columns finish the right edge; the last block of rows
/// repeats its last valid row (computed, never stored) so one kernel serves every row count.
///
/// Every element of C is the same chain `c = fma(c, a_p, b_p)` for p ascending, whatever the block it falls in,
/// so results never depend on the blocking, on splitting C between threads, or on the thread count.
enum Gemm {
    /// Rows of C per micro-kernel.
    static let mr = 6

    /// How each element of C starts.
    enum Start {
        /// From zero.
        case zero
        /// From the current value of C (accumulate).
        case load
        /// From `bias[j]` (a row vector broadcast to every row).
        case bias(UnsafePointer<Float>)
    }

    /// What is written to C.
    enum Finish {
        /// The sum itself.
        case store
        /// `max(sum, 0)` (a hidden layer's forward pass).
        case relu
        /// `act[i*ld + j] > 0 ? sum : 0` (ReLU's backward pass, with the layer's post-ReLU activation).
        case mask(UnsafePointer<Float>, ld: Int)
    }

    @inline(__always)
    static func fma(_ acc: SIMD8<Float>, _ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        #if NORMSCOPE_FMA
        return acc.addingProduct(a, b)
        #else
        return acc + a * b
        #endif
    }

    @inline(__always)
    static func fma(_ acc: SIMD4<Float>, _ a: SIMD4<Float>, _ b: SIMD4<Float>) -> SIMD4<Float> {
        #if NORMSCOPE_FMA
        return acc.addingProduct(a, b)
        #else
        return acc + a * b
        #endif
    }

    @inline(__always)
    static func fma(_ acc: Float, _ a: Float, _ b: Float) -> Float {
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

    @inline(__always)
    static func load4(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    static func store4(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
    }

    // MARK: - Entry points

    /// `C[M×N] = (accumulate ? C : 0) + op(A)[M×K] · B[K×N]`.
    static func gemm(m: Int, n: Int, k: Int,
                            a: UnsafePointer<Float>, lda: Int, transA: Bool,
                            b: UnsafePointer<Float>, ldb: Int,
                            c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        gemm(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, ldb: ldb, c: c, ldc: ldc,
             start: accumulate ? .load : .zero, finish: .store)
    }

    /// `C[M×N] = finish(start + op(A)[M×K] · B[K×N])`: the product with its bias and activation fused.
    static func gemm(m: Int, n: Int, k: Int,
                     a: UnsafePointer<Float>, lda: Int, transA: Bool,
                     b: UnsafePointer<Float>, ldb: Int,
                     c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, finish: Finish) {
        guard m > 0 && n > 0 else { return }
        // Element (i, p) of op(A) is at a + i*rs + p*cs. Two copies of the loops, so each has one constant stride.
        if transA {
            blocks(m: m, n: n, k: k, a: a, rs: 1, cs: lda, b: b, ldb: ldb, c: c, ldc: ldc, start: start, finish: finish)
        } else {
            blocks(m: m, n: n, k: k, a: a, rs: lda, cs: 1, b: b, ldb: ldb, c: c, ldc: ldc, start: start, finish: finish)
        }
    }

    /// Column strips of B (16 wide while they last, then 8, 4, 1), each swept by 6-row blocks of A so the strip
    /// stays in L1 while A streams.
    @inline(__always)
    private static func blocks(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int,
                               b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                               start: Start, finish: Finish) {
        var j = 0
        while j < n {
            let w = n - j >= 16 ? 16 : n - j >= 8 ? 8 : n - j >= 4 ? 4 : 1
            var i = 0
            while i < m {
                let t = Tile(i: i, j: j, rows: min(mr, m - i), ldc: ldc, start: start, finish: finish)
                let ap = a + i * rs
                switch w {
                case 16: kernel16(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                case 8: kernel8(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                case 4: kernel4(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                default: kernel1(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                }
                i += mr
            }
            j += w
        }
    }

    /// Where a micro-kernel's block of C is and how to start and finish it.
    struct Tile {
        let i: Int, j: Int, rows: Int, ldc: Int
        let start: Start, finish: Finish

        /// Offset of row r of the block in A's row stride units, clamped to the last valid row.
        @inline(__always) func rowOffset(_ r: Int, _ rs: Int) -> Int { min(r, rows - 1) * rs }

        @inline(__always) func initial8(_ c: UnsafeMutablePointer<Float>, _ r: Int, _ dj: Int) -> SIMD8<Float> {
            let row = min(r, rows - 1)
            switch start {
            case .zero: return SIMD8()
            case .load: return load8(c + (i + row) * ldc + j + dj)
            case .bias(let bias): return load8(bias + j + dj)
            }
        }

        @inline(__always) func initial4(_ c: UnsafeMutablePointer<Float>, _ r: Int) -> SIMD4<Float> {
            let row = min(r, rows - 1)
            switch start {
            case .zero: return SIMD4()
            case .load: return load4(c + (i + row) * ldc + j)
            case .bias(let bias): return load4(bias + j)
            }
        }

        @inline(__always) func initial1(_ c: UnsafeMutablePointer<Float>, _ r: Int) -> Float {
            let row = min(r, rows - 1)
            switch start {
            case .zero: return 0
            case .load: return c[(i + row) * ldc + j]
            case .bias(let bias): return bias[j]
            }
        }

        @inline(__always) func store8(_ v: SIMD8<Float>, _ c: UnsafeMutablePointer<Float>, _ r: Int, _ dj: Int) {
            guard r < rows else { return }
            let at = (i + r) * ldc + j + dj
            switch finish {
            case .store: Gemm.store8(v, c + at)
            case .relu: Gemm.store8(v.replacing(with: 0, where: v .< 0), c + at)
            case .mask(let act, let ld):
                Gemm.store8(v.replacing(with: 0, where: load8(act + (i + r) * ld + j + dj) .<= 0), c + at)
            }
        }

        @inline(__always) func store4(_ v: SIMD4<Float>, _ c: UnsafeMutablePointer<Float>, _ r: Int) {
            guard r < rows else { return }
            let at = (i + r) * ldc + j
            switch finish {
            case .store: Gemm.store4(v, c + at)
            case .relu: Gemm.store4(v.replacing(with: 0, where: v .< 0), c + at)
            case .mask(let act, let ld):
                Gemm.store4(v.replacing(with: 0, where: load4(act + (i + r) * ld + j) .<= 0), c + at)
            }
        }

        @inline(__always) func store1(_ v: Float, _ c: UnsafeMutablePointer<Float>, _ r: Int) {
            guard r < rows else { return }
            let at = (i + r) * ldc + j
            switch finish {
            case .store: c[at] = v
            case .relu: c[at] = v < 0 ? 0 : v
            case .mask(let act, let ld): c[at] = act[(i + r) * ld + j] <= 0 ? 0 : v
            }
        }
    }

    // MARK: - Micro-kernels (6 rows × 16, 8, 4, 1 columns)

    @inline(__always)
    private static func kernel16(k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int, b: UnsafePointer<Float>, ldb: Int,
                                 c: UnsafeMutablePointer<Float>, tile t: Tile) {
        let o1 = t.rowOffset(1, rs), o2 = t.rowOffset(2, rs), o3 = t.rowOffset(3, rs)
        let o4 = t.rowOffset(4, rs), o5 = t.rowOffset(5, rs)
        var x00 = t.initial8(c, 0, 0), x01 = t.initial8(c, 0, 8)
        var x10 = t.initial8(c, 1, 0), x11 = t.initial8(c, 1, 8)
        var x20 = t.initial8(c, 2, 0), x21 = t.initial8(c, 2, 8)
        var x30 = t.initial8(c, 3, 0), x31 = t.initial8(c, 3, 8)
        var x40 = t.initial8(c, 4, 0), x41 = t.initial8(c, 4, 8)
        var x50 = t.initial8(c, 5, 0), x51 = t.initial8(c, 5, 8)
        var bp = b, ap = a
        for _ in 0..<k {
            let b0 = load8(bp), b1 = load8(bp + 8)
            var s = SIMD8<Float>(repeating: ap[0])
            x00 = fma(x00, s, b0); x01 = fma(x01, s, b1)
            s = SIMD8<Float>(repeating: ap[o1])
            x10 = fma(x10, s, b0); x11 = fma(x11, s, b1)
            s = SIMD8<Float>(repeating: ap[o2])
            x20 = fma(x20, s, b0); x21 = fma(x21, s, b1)
            s = SIMD8<Float>(repeating: ap[o3])
            x30 = fma(x30, s, b0); x31 = fma(x31, s, b1)
            s = SIMD8<Float>(repeating: ap[o4])
            x40 = fma(x40, s, b0); x41 = fma(x41, s, b1)
            s = SIMD8<Float>(repeating: ap[o5])
            x50 = fma(x50, s, b0); x51 = fma(x51, s, b1)
            bp += ldb
            ap += cs
        }
        t.store8(x00, c, 0, 0); t.store8(x01, c, 0, 8)
        t.store8(x10, c, 1, 0); t.store8(x11, c, 1, 8)
        t.store8(x20, c, 2, 0); t.store8(x21, c, 2, 8)
        t.store8(x30, c, 3, 0); t.store8(x31, c, 3, 8)
        t.store8(x40, c, 4, 0); t.store8(x41, c, 4, 8)
        t.store8(x50, c, 5, 0); t.store8(x51, c, 5, 8)
    }

    @inline(__always)
    private static func kernel8(k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int, b: UnsafePointer<Float>, ldb: Int,
                                c: UnsafeMutablePointer<Float>, tile t: Tile) {
        let o1 = t.rowOffset(1, rs), o2 = t.rowOffset(2, rs), o3 = t.rowOffset(3, rs)
        let o4 = t.rowOffset(4, rs), o5 = t.rowOffset(5, rs)
        var x0 = t.initial8(c, 0, 0), x1 = t.initial8(c, 1, 0), x2 = t.initial8(c, 2, 0)
        var x3 = t.initial8(c, 3, 0), x4 = t.initial8(c, 4, 0), x5 = t.initial8(c, 5, 0)
        var bp = b, ap = a
        for _ in 0..<k {
            let b0 = load8(bp)
            x0 = fma(x0, SIMD8(repeating: ap[0]), b0)
            x1 = fma(x1, SIMD8(repeating: ap[o1]), b0)
            x2 = fma(x2, SIMD8(repeating: ap[o2]), b0)
            x3 = fma(x3, SIMD8(repeating: ap[o3]), b0)
            x4 = fma(x4, SIMD8(repeating: ap[o4]), b0)
            x5 = fma(x5, SIMD8(repeating: ap[o5]), b0)
            bp += ldb
            ap += cs
        }
        t.store8(x0, c, 0, 0); t.store8(x1, c, 1, 0); t.store8(x2, c, 2, 0)
        t.store8(x3, c, 3, 0); t.store8(x4, c, 4, 0); t.store8(x5, c, 5, 0)
    }

    @inline(__always)
    private static func kernel4(k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int, b: UnsafePointer<Float>, ldb: Int,
                                c: UnsafeMutablePointer<Float>, tile t: Tile) {
        let o1 = t.rowOffset(1, rs), o2 = t.rowOffset(2, rs), o3 = t.rowOffset(3, rs)
        let o4 = t.rowOffset(4, rs), o5 = t.rowOffset(5, rs)
        var x0 = t.initial4(c, 0), x1 = t.initial4(c, 1), x2 = t.initial4(c, 2)
        var x3 = t.initial4(c, 3), x4 = t.initial4(c, 4), x5 = t.initial4(c, 5)
        var bp = b, ap = a
        for _ in 0..<k {
            let b0 = load4(bp)
            x0 = fma(x0, SIMD4(repeating: ap[0]), b0)
            x1 = fma(x1, SIMD4(repeating: ap[o1]), b0)
            x2 = fma(x2, SIMD4(repeating: ap[o2]), b0)
            x3 = fma(x3, SIMD4(repeating: ap[o3]), b0)
            x4 = fma(x4, SIMD4(repeating: ap[o4]), b0)
            x5 = fma(x5, SIMD4(repeating: ap[o5]), b0)
            bp += ldb
            ap += cs
        }
        t.store4(x0, c, 0); t.store4(x1, c, 1); t.store4(x2, c, 2)
        t.store4(x3, c, 3); t.store4(x4, c, 4); t.store4(x5, c, 5)
    }

    @inline(__always)
    private static func kernel1(k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int, b: UnsafePointer<Float>, ldb: Int,
                                c: UnsafeMutablePointer<Float>, tile t: Tile) {
        let o1 = t.rowOffset(1, rs), o2 = t.rowOffset(2, rs), o3 = t.rowOffset(3, rs)
        let o4 = t.rowOffset(4, rs), o5 = t.rowOffset(5, rs)
        var x0 = t.initial1(c, 0), x1 = t.initial1(c, 1), x2 = t.initial1(c, 2)
        var x3 = t.initial1(c, 3), x4 = t.initial1(c, 4), x5 = t.initial1(c, 5)
        var bp = b, ap = a
        for _ in 0..<k {
            let b0 = bp[0]
            x0 = fma(x0, ap[0], b0)
            x1 = fma(x1, ap[o1], b0)
            x2 = fma(x2, ap[o2], b0)
            x3 = fma(x3, ap[o3], b0)
            x4 = fma(x4, ap[o4], b0)
            x5 = fma(x5, ap[o5], b0)
            bp += ldb
            ap += cs
        }
        t.store1(x0, c, 0); t.store1(x1, c, 1); t.store1(x2, c, 2)
        t.store1(x3, c, 3); t.store1(x4, c, 4); t.store1(x5, c, 5)
    }
}
