/// Single-precision matrix products for the dense layers, register-blocked over `Lanes` (this variant's widest
/// vector: 16 floats with AVX-512, 8 with AVX2).
///
/// This file is compiled twice, once per kernel variant (`NormscopeKernelsAVX2` with `-target-cpu haswell`,
/// `NormscopeKernelsAVX512` with `skylake-avx512`; both directories link to `Shared/`), and the engine's `Gemm` picks
/// one at start-up (`KernelTarget`).
///
/// All matrices are row-major. `gemm` computes `C[M×N] = start + op(A)[M×K] · B[K×N]`, then applies a finish
/// (store, ReLU, or ReLU's backward mask), where `op(A)` is A (`A[i*lda + p]`) or its transpose (`A[p*lda + i]`).
///
/// The micro-kernel keeps a 6 × 2·Lanes block of C in twelve registers (six rows, two vectors each: twelve
/// independent FMA chains hide the FMA latency of two pipes; 8 × 2·Lanes in sixteen with AVX-512's 32
/// registers) and streams one row of B per step, broadcasting six scalars of A. A strip ends with 4-row blocks
/// where they fit the rows left (`wideBlockRows`). Strips of one vector, then 4 and 1 columns finish the right
/// edge; a block with fewer rows left than it holds repeats its last valid row (computed, never stored), so
/// every row count is served.
///
/// Every element of C is the same chain `c = fma(c, a_p, b_p)` for p ascending, whatever the block or the vector
/// width it falls in, so results never depend on the blocking, on splitting C between threads, on the thread
/// count, or on the variant.
package enum GemmKernel {
    /// Rows of C per micro-kernel, except the two-vector one (`wideRows`).
    static let mr = 6
    /// Rows of C per two-vector micro-kernel: 8 where the variant has 32 vector registers (AVX-512: sixteen
    /// accumulators, two rows of B and a broadcast fit), 6 where it has 16 (AVX2).
    static let wideRows = variantWideRows

    /// Floats per vector in this variant.
    package static let lanes = Lanes.scalarCount

    /// How each element of C starts.
    package enum Start {
        /// From zero.
        case zero
        /// From the current value of C (accumulate).
        case load
        /// From `bias[j]` (a row vector broadcast to every row).
        case bias(UnsafePointer<Float>)
    }

    /// What is written to C.
    package enum Finish {
        /// The sum itself.
        case store
        /// `max(sum, 0)` (a hidden layer's forward pass).
        case relu
        /// `act[i*ld + j] > 0 ? sum : 0` (ReLU's backward pass, with the layer's post-ReLU activation).
        case mask(UnsafePointer<Float>, ld: Int)
    }

    /// `C[M×N] = finish(start + op(A)[M×K] · B[K×N])`: the product with its bias and activation fused.
    package static func gemm(m: Int, n: Int, k: Int,
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

    /// Column strips of B (two vectors wide while they last, then one, 4, 1), each swept by blocks of 6 rows of A
    /// (`wideRows` for the two-vector strips) so the strip stays in L1 while A streams.
    @inline(__always)
    private static func blocks(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int,
                               b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                               start: Start, finish: Finish) {
        let l = Lanes.scalarCount
        var j = 0
        while j < n {
            let w = n - j >= 2 * l ? 2 * l : n - j >= l ? l : n - j >= 4 ? 4 : 1
            var i = 0
            while i < m {
                let rows = w == 2 * l ? wideBlockRows(left: m - i) : mr
                let t = Tile(i: i, j: j, rows: min(rows, m - i), ldc: ldc, start: start, finish: finish)
                let ap = a + i * rs
                switch w {
                case 2 * l where rows == 4: kernelWide4(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                case 2 * l where rows == 8: kernelWide8(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                case 2 * l: kernelWide(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                case l: kernelLanes(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                case 4: kernel4(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                default: kernel1(k: k, a: ap, rs: rs, cs: cs, b: b + j, ldb: ldb, c: c, tile: t)
                }
                i += rows
            }
            j += w
        }
    }

    /// Rows of the next block of a two-vector strip with `left` rows to go: `wideRows` while they last, and 4
    /// where that covers the rest exactly (4 or 8 rows left of a 6-row strip: the batch of 64, the widths 32 and
    /// 128 are 6s and 4s, not 6s and a 6-row block with two or four repeated rows) or wastes less (1 to 4 left).
    @inline(__always)
    static func wideBlockRows(left: Int) -> Int {
        left <= 4 || (wideRows == 6 && left == 8) ? 4 : wideRows
    }

    // MARK: - Micro-kernels (8, 6 or 4 rows × 2·Lanes; 6 rows × Lanes, 4, 1 columns)

    /// The wide kernel with four rows (eight accumulators), for the end of a strip.
    @inline(__always)
    private static func kernelWide4(k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int, b: UnsafePointer<Float>,
                                    ldb: Int, c: UnsafeMutablePointer<Float>, tile t: Tile) {
        let l = Lanes.scalarCount
        let o1 = t.rowOffset(1, rs), o2 = t.rowOffset(2, rs), o3 = t.rowOffset(3, rs)
        var x00 = t.initialL(c, 0, 0), x01 = t.initialL(c, 0, l), x10 = t.initialL(c, 1, 0), x11 = t.initialL(c, 1, l)
        var x20 = t.initialL(c, 2, 0), x21 = t.initialL(c, 2, l), x30 = t.initialL(c, 3, 0), x31 = t.initialL(c, 3, l)
        var bp = b, ap = a
        for _ in 0..<k {
            let b0 = loadLanes(bp), b1 = loadLanes(bp + l)
            var s = Lanes(repeating: ap[0])
            x00 = x00.addingProduct(s, b0); x01 = x01.addingProduct(s, b1)
            s = Lanes(repeating: ap[o1])
            x10 = x10.addingProduct(s, b0); x11 = x11.addingProduct(s, b1)
            s = Lanes(repeating: ap[o2])
            x20 = x20.addingProduct(s, b0); x21 = x21.addingProduct(s, b1)
            s = Lanes(repeating: ap[o3])
            x30 = x30.addingProduct(s, b0); x31 = x31.addingProduct(s, b1)
            bp += ldb
            ap += cs
        }
        t.storeL(x00, c, 0, 0); t.storeL(x01, c, 0, l); t.storeL(x10, c, 1, 0); t.storeL(x11, c, 1, l)
        t.storeL(x20, c, 2, 0); t.storeL(x21, c, 2, l); t.storeL(x30, c, 3, 0); t.storeL(x31, c, 3, l)
    }

    @inline(__always)
    private static func kernelWide(k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int, b: UnsafePointer<Float>,
                                   ldb: Int, c: UnsafeMutablePointer<Float>, tile t: Tile) {
        let l = Lanes.scalarCount
        let o1 = t.rowOffset(1, rs), o2 = t.rowOffset(2, rs), o3 = t.rowOffset(3, rs)
        let o4 = t.rowOffset(4, rs), o5 = t.rowOffset(5, rs)
        var x00 = t.initialL(c, 0, 0), x01 = t.initialL(c, 0, l)
        var x10 = t.initialL(c, 1, 0), x11 = t.initialL(c, 1, l)
        var x20 = t.initialL(c, 2, 0), x21 = t.initialL(c, 2, l)
        var x30 = t.initialL(c, 3, 0), x31 = t.initialL(c, 3, l)
        var x40 = t.initialL(c, 4, 0), x41 = t.initialL(c, 4, l)
        var x50 = t.initialL(c, 5, 0), x51 = t.initialL(c, 5, l)
        var bp = b, ap = a
        for _ in 0..<k {
            let b0 = loadLanes(bp), b1 = loadLanes(bp + l)
            var s = Lanes(repeating: ap[0])
            x00 = x00.addingProduct(s, b0); x01 = x01.addingProduct(s, b1)
            s = Lanes(repeating: ap[o1])
            x10 = x10.addingProduct(s, b0); x11 = x11.addingProduct(s, b1)
            s = Lanes(repeating: ap[o2])
            x20 = x20.addingProduct(s, b0); x21 = x21.addingProduct(s, b1)
            s = Lanes(repeating: ap[o3])
            x30 = x30.addingProduct(s, b0); x31 = x31.addingProduct(s, b1)
            s = Lanes(repeating: ap[o4])
            x40 = x40.addingProduct(s, b0); x41 = x41.addingProduct(s, b1)
            s = Lanes(repeating: ap[o5])
            x50 = x50.addingProduct(s, b0); x51 = x51.addingProduct(s, b1)
            bp += ldb
            ap += cs
        }
        t.storeL(x00, c, 0, 0); t.storeL(x01, c, 0, l)
        t.storeL(x10, c, 1, 0); t.storeL(x11, c, 1, l)
        t.storeL(x20, c, 2, 0); t.storeL(x21, c, 2, l)
        t.storeL(x30, c, 3, 0); t.storeL(x31, c, 3, l)
        t.storeL(x40, c, 4, 0); t.storeL(x41, c, 4, l)
        t.storeL(x50, c, 5, 0); t.storeL(x51, c, 5, l)
    }

    /// The wide kernel with eight rows (sixteen accumulators: AVX-512 has 32 vector registers, AVX2 16, so only
    /// the AVX-512 variant uses it, see `wideRows`); the layers' row counts (batch 64, widths 32, 128, 256) are
    /// multiples of 8, so no block computes rows it does not store.
    @inline(__always)
    private static func kernelWide8(k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int, b: UnsafePointer<Float>,
                                    ldb: Int, c: UnsafeMutablePointer<Float>, tile t: Tile) {
        let l = Lanes.scalarCount
        let o1 = t.rowOffset(1, rs), o2 = t.rowOffset(2, rs), o3 = t.rowOffset(3, rs)
        let o4 = t.rowOffset(4, rs), o5 = t.rowOffset(5, rs), o6 = t.rowOffset(6, rs), o7 = t.rowOffset(7, rs)
        var x00 = t.initialL(c, 0, 0), x01 = t.initialL(c, 0, l), x10 = t.initialL(c, 1, 0), x11 = t.initialL(c, 1, l)
        var x20 = t.initialL(c, 2, 0), x21 = t.initialL(c, 2, l), x30 = t.initialL(c, 3, 0), x31 = t.initialL(c, 3, l)
        var x40 = t.initialL(c, 4, 0), x41 = t.initialL(c, 4, l), x50 = t.initialL(c, 5, 0), x51 = t.initialL(c, 5, l)
        var x60 = t.initialL(c, 6, 0), x61 = t.initialL(c, 6, l), x70 = t.initialL(c, 7, 0), x71 = t.initialL(c, 7, l)
        var bp = b, ap = a
        for _ in 0..<k {
            let b0 = loadLanes(bp), b1 = loadLanes(bp + l)
            var s = Lanes(repeating: ap[0])
            x00 = x00.addingProduct(s, b0); x01 = x01.addingProduct(s, b1)
            s = Lanes(repeating: ap[o1])
            x10 = x10.addingProduct(s, b0); x11 = x11.addingProduct(s, b1)
            s = Lanes(repeating: ap[o2])
            x20 = x20.addingProduct(s, b0); x21 = x21.addingProduct(s, b1)
            s = Lanes(repeating: ap[o3])
            x30 = x30.addingProduct(s, b0); x31 = x31.addingProduct(s, b1)
            s = Lanes(repeating: ap[o4])
            x40 = x40.addingProduct(s, b0); x41 = x41.addingProduct(s, b1)
            s = Lanes(repeating: ap[o5])
            x50 = x50.addingProduct(s, b0); x51 = x51.addingProduct(s, b1)
            s = Lanes(repeating: ap[o6])
            x60 = x60.addingProduct(s, b0); x61 = x61.addingProduct(s, b1)
            s = Lanes(repeating: ap[o7])
            x70 = x70.addingProduct(s, b0); x71 = x71.addingProduct(s, b1)
            bp += ldb
            ap += cs
        }
        t.storeL(x00, c, 0, 0); t.storeL(x01, c, 0, l); t.storeL(x10, c, 1, 0); t.storeL(x11, c, 1, l)
        t.storeL(x20, c, 2, 0); t.storeL(x21, c, 2, l); t.storeL(x30, c, 3, 0); t.storeL(x31, c, 3, l)
        t.storeL(x40, c, 4, 0); t.storeL(x41, c, 4, l); t.storeL(x50, c, 5, 0); t.storeL(x51, c, 5, l)
        t.storeL(x60, c, 6, 0); t.storeL(x61, c, 6, l); t.storeL(x70, c, 7, 0); t.storeL(x71, c, 7, l)
    }

    @inline(__always)
    private static func kernelLanes(k: Int, a: UnsafePointer<Float>, rs: Int, cs: Int, b: UnsafePointer<Float>,
                                    ldb: Int, c: UnsafeMutablePointer<Float>, tile t: Tile) {
        let o1 = t.rowOffset(1, rs), o2 = t.rowOffset(2, rs), o3 = t.rowOffset(3, rs)
        let o4 = t.rowOffset(4, rs), o5 = t.rowOffset(5, rs)
        var x0 = t.initialL(c, 0, 0), x1 = t.initialL(c, 1, 0), x2 = t.initialL(c, 2, 0)
        var x3 = t.initialL(c, 3, 0), x4 = t.initialL(c, 4, 0), x5 = t.initialL(c, 5, 0)
        var bp = b, ap = a
        for _ in 0..<k {
            let b0 = loadLanes(bp)
            x0 = x0.addingProduct(Lanes(repeating: ap[0]), b0)
            x1 = x1.addingProduct(Lanes(repeating: ap[o1]), b0)
            x2 = x2.addingProduct(Lanes(repeating: ap[o2]), b0)
            x3 = x3.addingProduct(Lanes(repeating: ap[o3]), b0)
            x4 = x4.addingProduct(Lanes(repeating: ap[o4]), b0)
            x5 = x5.addingProduct(Lanes(repeating: ap[o5]), b0)
            bp += ldb
            ap += cs
        }
        t.storeL(x0, c, 0, 0); t.storeL(x1, c, 1, 0); t.storeL(x2, c, 2, 0)
        t.storeL(x3, c, 3, 0); t.storeL(x4, c, 4, 0); t.storeL(x5, c, 5, 0)
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
            let b0 = loadQuad(bp)
            x0 = x0.addingProduct(SIMD4(repeating: ap[0]), b0)
            x1 = x1.addingProduct(SIMD4(repeating: ap[o1]), b0)
            x2 = x2.addingProduct(SIMD4(repeating: ap[o2]), b0)
            x3 = x3.addingProduct(SIMD4(repeating: ap[o3]), b0)
            x4 = x4.addingProduct(SIMD4(repeating: ap[o4]), b0)
            x5 = x5.addingProduct(SIMD4(repeating: ap[o5]), b0)
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
            x0 = x0.addingProduct(ap[0], b0)
            x1 = x1.addingProduct(ap[o1], b0)
            x2 = x2.addingProduct(ap[o2], b0)
            x3 = x3.addingProduct(ap[o3], b0)
            x4 = x4.addingProduct(ap[o4], b0)
            x5 = x5.addingProduct(ap[o5], b0)
            bp += ldb
            ap += cs
        }
        t.store1(x0, c, 0); t.store1(x1, c, 1); t.store1(x2, c, 2)
        t.store1(x3, c, 3); t.store1(x4, c, 4); t.store1(x5, c, 5)
    }
}

@inline(__always)
private func loadLanes(_ p: UnsafePointer<Float>) -> Lanes {
    UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
}

@inline(__always)
private func storeLanes(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
}

@inline(__always)
private func loadQuad(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
}

@inline(__always)
private func storeQuad(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
}

extension GemmKernel {
    /// Where a micro-kernel's block of C is and how to start and finish it (in this file so that debug builds,
    /// which compile file by file, still inline it into the kernels).
    struct Tile {
        let i: Int, j: Int, rows: Int, ldc: Int
        let start: Start, finish: Finish

        /// Offset of row r of the block in A's row stride units, clamped to the last valid row.
        @inline(__always) func rowOffset(_ r: Int, _ rs: Int) -> Int { min(r, rows - 1) * rs }

        @inline(__always) func initialL(_ c: UnsafeMutablePointer<Float>, _ r: Int, _ dj: Int) -> Lanes {
            let row = min(r, rows - 1)
            switch start {
            case .zero: return Lanes()
            case .load: return loadLanes(c + (i + row) * ldc + j + dj)
            case .bias(let bias): return loadLanes(bias + j + dj)
            }
        }

        @inline(__always) func initial4(_ c: UnsafeMutablePointer<Float>, _ r: Int) -> SIMD4<Float> {
            let row = min(r, rows - 1)
            switch start {
            case .zero: return SIMD4()
            case .load: return loadQuad(c + (i + row) * ldc + j)
            case .bias(let bias): return loadQuad(bias + j)
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

        @inline(__always) func storeL(_ v: Lanes, _ c: UnsafeMutablePointer<Float>, _ r: Int, _ dj: Int) {
            guard r < rows else { return }
            let at = (i + r) * ldc + j + dj
            switch finish {
            case .store: storeLanes(v, c + at)
            case .relu: storeLanes(v.replacing(with: 0, where: v .< 0), c + at)
            case .mask(let act, let ld):
                storeLanes(v.replacing(with: 0, where: loadLanes(act + (i + r) * ld + j + dj) .<= 0), c + at)
            }
        }

        @inline(__always) func store4(_ v: SIMD4<Float>, _ c: UnsafeMutablePointer<Float>, _ r: Int) {
            guard r < rows else { return }
            let at = (i + r) * ldc + j
            switch finish {
            case .store: storeQuad(v, c + at)
            case .relu: storeQuad(v.replacing(with: 0, where: v .< 0), c + at)
            case .mask(let act, let ld):
                storeQuad(v.replacing(with: 0, where: loadQuad(act + (i + r) * ld + j) .<= 0), c + at)
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
}
