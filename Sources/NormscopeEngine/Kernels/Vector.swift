/// Vector loops the training step needs besides matrix products: SGD, bias gradients, transposes, batch
/// gathers and the classifier's column norms.
///
/// Each loop is SIMD8 over contiguous memory and allocates nothing. The helpers below are file-private on
/// purpose: in a debug (non-whole-module) build a helper from another file is a real call, not inlined.
enum Vector {
    /// Sets every row of `c[rows×n]` to `bias[n]`.
    static func broadcastRows(_ bias: UnsafePointer<Float>, rows: Int, n: Int, into c: UnsafeMutablePointer<Float>) {
        for r in 0..<rows { copy(bias, into: c + r * n, count: n) }
    }

    /// Copies `count` floats.
    @inline(__always)
    static func copy(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count { s8(l8(src + i), dst + i); i += 8 }
        while i < count { dst[i] = src[i]; i += 1 }
    }

    /// Copies the rows `indices[0..<rows]` of `src[*×n]` into `dst[rows×n]` (a mini-batch gather).
    static func gatherRows(_ src: UnsafePointer<Float>, indices: UnsafePointer<Int32>, rows: Int, n: Int,
                           into dst: UnsafeMutablePointer<Float>) {
        for r in 0..<rows { copy(src + Int(indices[r]) * n, into: dst + r * n, count: n) }
    }

    /// `out[j] = sum over rows of m[r*n + j]`, summed in row order.
    ///
    /// Four 8-column strips at a time: each strip's sums are a chain of dependent adds (one per row), so four
    /// independent chains keep the adder busy instead of waiting out its latency; every column is still summed
    /// from 0 row by row, the same bits as one strip at a time.
    static func columnSums(_ m: UnsafePointer<Float>, rows: Int, n: Int, into out: UnsafeMutablePointer<Float>) {
        var j = 0
        while j + 32 <= n {
            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
            for r in 0..<rows {
                let p = m + r * n + j
                a0 += l8(p); a1 += l8(p + 8); a2 += l8(p + 16); a3 += l8(p + 24)
            }
            s8(a0, out + j); s8(a1, out + j + 8); s8(a2, out + j + 16); s8(a3, out + j + 24)
            j += 32
        }
        while j + 8 <= n {
            var acc = SIMD8<Float>()
            for r in 0..<rows { acc += l8(m + r * n + j) }
            s8(acc, out + j)
            j += 8
        }
        while j < n {
            var acc: Float = 0
            for r in 0..<rows { acc += m[r * n + j] }
            out[j] = acc
            j += 1
        }
    }

    /// Transposes `src[rows×cols]` into `dst[cols×rows]`, in 8×8 register tiles.
    static func transpose(_ src: UnsafePointer<Float>, rows: Int, cols: Int, into dst: UnsafeMutablePointer<Float>) {
        var r = 0
        while r + 8 <= rows {
            var c = 0
            while c + 8 <= cols {
                transpose8x8(src + r * cols + c, cols, dst + c * rows + r, rows)
                c += 8
            }
            while c < cols {
                for rr in r..<(r + 8) { dst[c * rows + rr] = src[rr * cols + c] }
                c += 1
            }
            r += 8
        }
        while r < rows {
            for c in 0..<cols { dst[c * rows + r] = src[r * cols + c] }
            r += 1
        }
    }

    /// One 8×8 tile: three "unzips" (evens then odds) of the 64 values rotate the index bits by three, which
    /// swaps the row and column bits.
    @inline(__always)
    private static func transpose8x8(_ s: UnsafePointer<Float>, _ lds: Int, _ d: UnsafeMutablePointer<Float>, _ ldd: Int) {
        var r0 = l8(s), r1 = l8(s + lds), r2 = l8(s + 2 * lds), r3 = l8(s + 3 * lds)
        var r4 = l8(s + 4 * lds), r5 = l8(s + 5 * lds), r6 = l8(s + 6 * lds), r7 = l8(s + 7 * lds)
        for _ in 0..<3 {
            let n0 = SIMD8(lowHalf: r0.evenHalf, highHalf: r1.evenHalf)
            let n1 = SIMD8(lowHalf: r2.evenHalf, highHalf: r3.evenHalf)
            let n2 = SIMD8(lowHalf: r4.evenHalf, highHalf: r5.evenHalf)
            let n3 = SIMD8(lowHalf: r6.evenHalf, highHalf: r7.evenHalf)
            let n4 = SIMD8(lowHalf: r0.oddHalf, highHalf: r1.oddHalf)
            let n5 = SIMD8(lowHalf: r2.oddHalf, highHalf: r3.oddHalf)
            let n6 = SIMD8(lowHalf: r4.oddHalf, highHalf: r5.oddHalf)
            let n7 = SIMD8(lowHalf: r6.oddHalf, highHalf: r7.oddHalf)
            r0 = n0; r1 = n1; r2 = n2; r3 = n3; r4 = n4; r5 = n5; r6 = n6; r7 = n7
        }
        s8(r0, d); s8(r1, d + ldd); s8(r2, d + 2 * ldd); s8(r3, d + 3 * ldd)
        s8(r4, d + 4 * ldd); s8(r5, d + 5 * ldd); s8(r6, d + 6 * ldd); s8(r7, d + 7 * ldd)
    }

    /// PyTorch's SGD with momentum over `count` parameters: `g += wd*w; v = mo*v + g; w -= lr*v`.
    static func sgdMomentum(w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, v: UnsafeMutablePointer<Float>,
                            count: Int, learningRate: Float, momentum: Float, weightDecay: Float) {
        let lr = SIMD8<Float>(repeating: learningRate), mo = SIMD8<Float>(repeating: momentum)
        let wd = SIMD8<Float>(repeating: weightDecay)
        var i = 0
        while i + 8 <= count {
            let wi = l8(w + i)
            let gi = l8(g + i) + wd * wi
            let vi = mo * l8(v + i) + gi
            s8(vi, v + i)
            s8(wi - lr * vi, w + i)
            i += 8
        }
        while i < count {
            let gi = g[i] + weightDecay * w[i]
            v[i] = momentum * v[i] + gi
            w[i] -= learningRate * v[i]
            i += 1
        }
    }

    /// Squared L2 norms of the columns of `m[rows×cols]`, accumulated in Double in row order, into `out[cols]`.
    static func columnSquaredNorms(_ m: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Double>) {
        out.update(repeating: 0, count: cols)
        // Four columns at a time in Double lanes (by hand: with `out` and `m` possibly aliased, the compiler will
        // not vectorise the plain loop); each column is still summed row by row, as the scalar tail does.
        var c = 0
        while c + 4 <= cols {
            var acc = SIMD4<Double>()
            for r in 0..<rows {
                let v = SIMD4<Double>(UnsafeRawPointer(m + r * cols + c).loadUnaligned(as: SIMD4<Float>.self))
                acc += v * v
            }
            UnsafeMutableRawPointer(out + c).storeBytes(of: acc, as: SIMD4<Double>.self)
            c += 4
        }
        while c < cols {
            var acc = 0.0
            for r in 0..<rows { let v = Double(m[r * cols + c]); acc += v * v }
            out[c] = acc
            c += 1
        }
    }

    /// L2 norms of the columns of `m[rows×cols]` (a classifier stored input-major: column k is class k).
    static func columnNorms(_ m: UnsafePointer<Float>, rows: Int, cols: Int) -> [Double] {
        var sq = [Double](repeating: 0, count: cols)
        sq.withUnsafeMutableBufferPointer { columnSquaredNorms(m, rows: rows, cols: cols, into: $0.baseAddress!) }
        return sq.map { $0.squareRoot() }
    }

    /// `m[r*cols + c] *= scale[c]` for every row.
    static func scaleColumns(_ m: UnsafeMutablePointer<Float>, rows: Int, cols: Int, by scale: UnsafePointer<Float>) {
        for r in 0..<rows {
            let row = m + r * cols
            var c = 0
            while c + 8 <= cols { s8(l8(row + c) * l8(scale + c), row + c); c += 8 }
            while c < cols { row[c] *= scale[c]; c += 1 }
        }
    }

    /// The unit-norm columns of `w[rows×cols]` into `out`, and the columns' norms (at least 1e-12) into `norms`.
    /// Sums of squares are in Float, in row order.
    static func normalizeColumns(_ w: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>,
                                 norms: UnsafeMutablePointer<Float>) {
        norms.update(repeating: 0, count: cols)
        for r in 0..<rows {
            let row = w + r * cols
            var c = 0
            while c + 8 <= cols { let v = l8(row + c); s8(l8(norms + c) + v * v, norms + c); c += 8 }
            while c < cols { norms[c] += row[c] * row[c]; c += 1 }
        }
        for c in 0..<cols { norms[c] = max(norms[c].squareRoot(), 1e-12) }
        for r in 0..<rows {
            let row = w + r * cols, o = out + r * cols
            var c = 0
            while c + 8 <= cols { s8(l8(row + c) / l8(norms + c), o + c); c += 8 }
            while c < cols { o[c] = row[c] / norms[c]; c += 1 }
        }
    }

    /// Turns a gradient with respect to unit-norm columns `wn` into one with respect to the raw columns:
    /// `g_k = (g_k - wn_k (wn_k · g_k)) / ||w_k||`, in place; `scratch` holds `cols` floats.
    static func projectOutColumns(_ g: UnsafeMutablePointer<Float>, unit wn: UnsafePointer<Float>,
                                  norms: UnsafePointer<Float>, rows: Int, cols: Int,
                                  scratch dots: UnsafeMutablePointer<Float>) {
        dots.update(repeating: 0, count: cols)
        for r in 0..<rows {
            let gr = g + r * cols, wr = wn + r * cols
            var c = 0
            while c + 8 <= cols { s8(l8(dots + c) + l8(wr + c) * l8(gr + c), dots + c); c += 8 }
            while c < cols { dots[c] += wr[c] * gr[c]; c += 1 }
        }
        for r in 0..<rows {
            let gr = g + r * cols, wr = wn + r * cols
            var c = 0
            while c + 8 <= cols { s8((l8(gr + c) - l8(wr + c) * l8(dots + c)) / l8(norms + c), gr + c); c += 8 }
            while c < cols { gr[c] = (gr[c] - wr[c] * dots[c]) / norms[c]; c += 1 }
        }
    }

    /// Whether all `count` values are finite.
    static func allFinite(_ x: UnsafePointer<Float>, count: Int) -> Bool {
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= count { acc += l8(x + i) * 0; i += 8 }
        var tail: Float = 0
        while i < count { tail += x[i] * 0; i += 1 }
        return acc.sum() + tail == 0
    }
}

@inline(__always)
private func l8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func s8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}
