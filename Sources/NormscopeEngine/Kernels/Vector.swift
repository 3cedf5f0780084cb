/// Small vector loops the training step needs besides matrix products.
enum Vector {
    /// Sets every row of `c[rows×n]` to `bias[n]`.
    static func broadcastRows(_ bias: UnsafePointer<Float>, rows: Int, n: Int, into c: UnsafeMutablePointer<Float>) {
        for r in 0..<rows { (c + r * n).update(from: bias, count: n) }
    }

    /// `x = max(x, 0)` over `count` elements.
    static func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let zero = SIMD8<Float>()
        while i + 8 <= count {
            let v = Gemm.load8(x + i)
            Gemm.store8(v.replacing(with: zero, where: v .< zero), x + i)
            i += 8
        }
        while i < count { if x[i] < 0 { x[i] = 0 }; i += 1 }
    }

    /// `d = activation > 0 ? d : 0` over `count` elements (ReLU's backward pass).
    static func reluBackward(_ d: UnsafeMutablePointer<Float>, activation: UnsafePointer<Float>, count: Int) {
        var i = 0
        let zero = SIMD8<Float>()
        while i + 8 <= count {
            let a = Gemm.load8(activation + i)
            Gemm.store8(Gemm.load8(d + i).replacing(with: zero, where: a .<= zero), d + i)
            i += 8
        }
        while i < count { if activation[i] <= 0 { d[i] = 0 }; i += 1 }
    }

    /// `out[j] = sum over rows of m[r*n + j]`, summed in row order.
    static func columnSums(_ m: UnsafePointer<Float>, rows: Int, n: Int, into out: UnsafeMutablePointer<Float>) {
        out.update(repeating: 0, count: n)
        for r in 0..<rows {
            let row = m + r * n
            var j = 0
            while j + 8 <= n { Gemm.store8(Gemm.load8(out + j) + Gemm.load8(row + j), out + j); j += 8 }
            while j < n { out[j] += row[j]; j += 1 }
        }
    }

    /// Transposes `src[rows×cols]` into `dst[cols×rows]`.
    static func transpose(_ src: UnsafePointer<Float>, rows: Int, cols: Int, into dst: UnsafeMutablePointer<Float>) {
        let block = 16
        var r0 = 0
        while r0 < rows {
            let r1 = min(rows, r0 + block)
            var c0 = 0
            while c0 < cols {
                let c1 = min(cols, c0 + block)
                for r in r0..<r1 { for c in c0..<c1 { dst[c * rows + r] = src[r * cols + c] } }
                c0 = c1
            }
            r0 = r1
        }
    }

    /// L2 norms of the columns of `m[rows×cols]` (a classifier stored input-major: column k is class k).
    static func columnNorms(_ m: UnsafePointer<Float>, rows: Int, cols: Int) -> [Double] {
        var sq = [Double](repeating: 0, count: cols)
        for r in 0..<rows {
            let row = m + r * cols
            for c in 0..<cols { let v = Double(row[c]); sq[c] += v * v }
        }
        return sq.map { $0.squareRoot() }
    }

    /// Whether all `count` values are finite.
    static func allFinite(_ x: UnsafePointer<Float>, count: Int) -> Bool {
        var acc: Float = 0
        for i in 0..<count { acc += x[i] * 0 }
        return acc == 0
    }
}
