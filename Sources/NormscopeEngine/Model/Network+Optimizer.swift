extension Network {
    /// One SGD step with momentum over `range` of the parameters, PyTorch's rule:
    /// `g = grad + wd * w;  v = momentum * v + g;  w -= lr * v`.
    func sgdStep(range: Range<Int>, learningRate: Float, momentum: Float, weightDecay: Float) {
        let w = params, g = grads, v = velocity
        let lr = SIMD8<Float>(repeating: learningRate), mo = SIMD8<Float>(repeating: momentum)
        let wd = SIMD8<Float>(repeating: weightDecay)
        var i = range.lowerBound
        while i + 8 <= range.upperBound {
            let wi = Gemm.load8(w + i)
            let gi = Gemm.load8(g + i) + wd * wi
            let vi = mo * Gemm.load8(v + i) + gi
            Gemm.store8(vi, v + i)
            Gemm.store8(wi - lr * vi, w + i)
            i += 8
        }
        while i < range.upperBound {
            let gi = g[i] + weightDecay * w[i]
            v[i] = momentum * v[i] + gi
            w[i] -= learningRate * v[i]
            i += 1
        }
    }

    /// Projects every classifier row into the ball of radius `radius`: `w_k *= min(1, radius / ||w_k||)`.
    /// The bias is left alone.
    func projectClassifier(radius: Double) {
        let l = layerCount - 1
        let w = params + weightOffset[l]
        let rows = featureCount, cols = classCount
        let norms = Vector.columnNorms(w, rows: rows, cols: cols)
        var scale = [Float](repeating: 1, count: cols)
        var any = false
        for c in 0..<cols where norms[c] > radius {
            scale[c] = Float(radius / norms[c])
            any = true
        }
        guard any else { return }
        for r in 0..<rows { for c in 0..<cols { w[r * cols + c] *= scale[c] } }
    }
}
