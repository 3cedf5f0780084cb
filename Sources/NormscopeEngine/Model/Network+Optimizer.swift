extension Network {
    /// One SGD step with momentum over `range` of the parameters, PyTorch's rule:
    /// `g = grad + wd * w;  v = momentum * v + g;  w -= lr * v`.
    func sgdStep(range: Range<Int>, learningRate: Float, momentum: Float, weightDecay: Float) {
        let o = range.lowerBound
        Vector.sgdMomentum(w: params + o, g: grads + o, v: velocity + o, count: range.count,
                           learningRate: learningRate, momentum: momentum, weightDecay: weightDecay)
    }

    /// Projects every classifier row into the ball of radius `radius`: `w_k *= min(1, radius / ||w_k||)`.
    /// The bias is left alone. Returns the number of rows it shortened (0 when the ball held them all).
    @discardableResult
    func projectClassifier(radius: Double) -> Int {
        let l = layerCount - 1
        let w = params + weightOffset[l]
        let rows = featureCount, cols = classCount
        let sq = classScratchD, scale = classScratch
        Vector.columnSquaredNorms(w, rows: rows, cols: cols, into: sq)
        var clipped = 0
        for c in 0..<cols {
            let norm = sq[c].squareRoot()
            if norm > radius {
                scale[c] = Float(radius / norm)
                clipped += 1
            } else {
                scale[c] = 1
            }
        }
        guard clipped > 0 else { return 0 }
        Vector.scaleColumns(w, rows: rows, cols: cols, by: scale)
        return clipped
    }
}
