extension Network {
    /// One SGD step with momentum over `range` of the parameters, PyTorch's rule:
    /// `g = grad + wd * w;  v = momentum * v + g;  w -= lr * v`.
    func sgdStep(range: Range<Int>, learningRate: Float, momentum: Float, weightDecay: Float) {
        let o = range.lowerBound
        Vector.sgdMomentum(w: params + o, g: grads + o, v: velocity + o, count: range.count,
                           learningRate: learningRate, momentum: momentum, weightDecay: weightDecay)
    }

    /// `sgdStep` over `range` after `backward(step:)` with the same settings: every parameter but the weights
    /// the backward pass has already stepped (`fusesStep`). Each parameter gets the same update either way.
    func sgdStep(afterFused settings: SGDSettings, range: Range<Int>, classifierOnly: Bool) {
        var from = range.lowerBound
        for l in 0..<layerCount where fusesStep(layer: l, classifierOnly: classifierOnly) {
            let weights = weightOffset[l]..<(weightOffset[l] + sizes[l] * sizes[l + 1])
            precondition(range.contains(weights.lowerBound) && weights.upperBound <= range.upperBound,
                         "a fused layer's weights lie in the stepped range")
            if from < weights.lowerBound {
                sgdStep(range: from..<weights.lowerBound, learningRate: settings.learningRate,
                        momentum: settings.momentum, weightDecay: settings.weightDecay)
            }
            from = weights.upperBound
        }
        if from < range.upperBound {
            sgdStep(range: from..<range.upperBound, learningRate: settings.learningRate,
                    momentum: settings.momentum, weightDecay: settings.weightDecay)
        }
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

/// The settings of one SGD step with momentum (PyTorch's rule, see `Network.sgdStep`).
struct SGDSettings {
    let learningRate: Float
    let momentum: Float
    let weightDecay: Float
}
