/// Softmax cross-entropy over a batch of logits, with optional per-class weights, and its gradient.
///
/// Exponentials are SIMD8 (`exp8`: Cody-Waite reduction and a degree-7 polynomial, relative error below 1e-6,
/// the same bits on every run); only the per-sample logarithm calls libm.
enum SoftmaxCrossEntropy {
    /// Replaces `logits[B×C]` by the gradient of the batch loss with respect to the logits; returns the summed
    /// per-sample losses (unweighted, for reporting) and the mean loss that was differentiated.
    ///
    /// Without weights the loss is the mean over the batch. With weights it is PyTorch's weighted mean,
    /// `sum_i w[y_i] * l_i / sum_i w[y_i]`.
    static func lossAndGradient(logits: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>,
                                batch: Int, classes: Int, weights: UnsafePointer<Float>?) -> (sum: Double, mean: Double) {
        var norm: Float = 0
        if let w = weights { for i in 0..<batch { norm += w[Int(labels[i])] } } else { norm = Float(batch) }
        let inv = 1 / norm
        var total: Double = 0
        var weighted: Double = 0
        for i in 0..<batch {
            let row = logits + i * classes
            let y = Int(labels[i])
            let zy = row[y]
            let mx = rowMax(row, classes)
            let s = expInPlace(row, classes, shift: mx)
            let li = Double(_logf(s) - (zy - mx))
            total += li
            let wi = weights?[y] ?? 1
            weighted += Double(wi) * li
            scale(row, classes, by: wi * inv / s)
            row[y] -= wi * inv
        }
        return (total, weighted / Double(norm))
    }

    /// The summed loss alone (no gradient), for evaluating a data set; `logits` is left as it was.
    static func loss(logits: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>, batch: Int, classes: Int) -> Double {
        var total: Double = 0
        for i in 0..<batch {
            let row = logits + i * classes
            let mx = rowMax(row, classes)
            let s = expSum(row, classes, shift: mx)
            total += Double(_logf(s) - (row[Int(labels[i])] - mx))
        }
        return total
    }

    // MARK: - Row loops

    /// The largest of `n` values (NaN if the lanes say so; a NaN logit makes the loss NaN either way).
    @inline(__always)
    static func rowMax(_ row: UnsafePointer<Float>, _ n: Int) -> Float {
        var j = 0
        var m = SIMD8<Float>(repeating: -.infinity)
        while j + 8 <= n { let v = l8(row + j); m = m.replacing(with: v, where: .!(v .<= m)); j += 8 }
        // Lanes folded pairwise by hand (the generic `max()` reduction is not specialised in debug builds).
        let m4 = m.lowHalf.replacing(with: m.highHalf, where: .!(m.highHalf .<= m.lowHalf))
        let m2 = m4.lowHalf.replacing(with: m4.highHalf, where: .!(m4.highHalf .<= m4.lowHalf))
        var mx = m2[0]
        if !(m2[1] <= mx) { mx = m2[1] }
        while j < n { if !(row[j] <= mx) { mx = row[j] }; j += 1 }
        return mx
    }

    /// `row[j] = exp(row[j] - shift)`; returns the sum (lane-wise partial sums, then the lanes: a fixed order).
    @inline(__always)
    static func expInPlace(_ row: UnsafeMutablePointer<Float>, _ n: Int, shift: Float) -> Float {
        let sh = SIMD8<Float>(repeating: shift)
        var acc = SIMD8<Float>()
        var j = 0
        while j + 8 <= n {
            let e = exp8(l8(row + j) - sh)
            s8(e, row + j)
            acc += e
            j += 8
        }
        if j < n {
            var v = SIMD8<Float>(repeating: -.infinity)
            for t in 0..<(n - j) { v[t] = row[j + t] }
            let e = exp8(v - sh)
            for t in 0..<(n - j) { row[j + t] = e[t] }
            acc += e
        }
        return acc.sum()
    }

    /// The sum of `exp(row[j] - shift)`, summed as `expInPlace` does.
    @inline(__always)
    static func expSum(_ row: UnsafePointer<Float>, _ n: Int, shift: Float) -> Float {
        let sh = SIMD8<Float>(repeating: shift)
        var acc = SIMD8<Float>()
        var j = 0
        while j + 8 <= n { acc += exp8(l8(row + j) - sh); j += 8 }
        if j < n {
            var v = SIMD8<Float>(repeating: -.infinity)
            for t in 0..<(n - j) { v[t] = row[j + t] }
            acc += exp8(v - sh)
        }
        return acc.sum()
    }

    @inline(__always)
    static func scale(_ row: UnsafeMutablePointer<Float>, _ n: Int, by f: Float) {
        let fv = SIMD8<Float>(repeating: f)
        var j = 0
        while j + 8 <= n { s8(l8(row + j) * fv, row + j); j += 8 }
        while j < n { row[j] *= f; j += 1 }
    }

    /// `exp(x)` lane-wise: `x = n ln2 + r` with |r| <= ln2/2 (Cody-Waite, two-part ln2), `exp(r)` by Cephes'
    /// degree-7 polynomial, `2^n` built in the exponent bits. Inputs are clamped to [-87.3, 88.7]: below, the
    /// result is about 1e-38 instead of a denormal or 0 (harmless in a softmax); NaN stays NaN.
    @inline(__always)
    static func exp8(_ x0: SIMD8<Float>) -> SIMD8<Float> {
        var x = x0.replacing(with: -87.3365, where: x0 .< -87.3365)
        x = x.replacing(with: 88.7228, where: x .> 88.7228)
        // Round x/ln2 to the nearest integer with the 1.5 * 2^23 trick (no SSE4.1 needed in baseline builds).
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        var r = x - n * 0.693_359_375
        r = r - n * -2.121_944_4e-4
        var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        let y = p * (r * r) + r + 1
        // The low mantissa bits of `shifted` hold n + 0x400000: 2^n has exponent field n + 127.
        let bits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127
        let scale = unsafeBitCast(bits &<< 23, to: SIMD8<Float>.self)
        return y * scale
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
