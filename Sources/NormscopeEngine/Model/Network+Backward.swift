extension Network {
    /// Back-propagates the logit gradient held in `activations.last` (as left by the loss) into `grads`.
    ///
    /// With `classifierOnly` only the last layer's gradients are computed (stage 2: the features are frozen).
    func backward(batch: Int, classifierOnly: Bool = false) {
        let last = layerCount - 1
        var delta = activations[layerCount]          // dZ, [batch × C]
        var spare = deltaA
        for l in stride(from: last, through: 0, by: -1) {
            let inW = sizes[l], outW = sizes[l + 1]
            let gw = grads + weightOffset[l]
            // dWt[in×out] = Xᵀ · delta
            Gemm.gemm(m: inW, n: outW, k: batch, a: activations[l], lda: inW, transA: true,
                      b: delta, ldb: outW, c: gw, ldc: outW, accumulate: false)
            Vector.columnSums(delta, rows: batch, n: outW, into: grads + biasOffset[l])
            let forwardW = l == last ? classifierForward : params + weightOffset[l]
            if l == last && l2Normalized { projectNormalizedGradient(gw) }
            if l == 0 || (classifierOnly && l == last) { break }
            // dX[batch×in] = delta · W, with W = Wtᵀ [out×in]
            Vector.transpose(forwardW, rows: inW, cols: outW, into: transposed)
            Gemm.gemm(m: batch, n: inW, k: outW, a: delta, lda: outW, transA: false,
                      b: transposed, ldb: inW, c: spare, ldc: inW, accumulate: false)
            Vector.reluBackward(spare, activation: activations[l], count: batch * inW)
            delta = spare
            spare = spare == deltaA ? deltaB : deltaA
        }
    }

    /// Turns the gradient with respect to the unit-norm classifier into the gradient with respect to the raw
    /// weights: `dw_k = (dwn_k - wn_k (wn_k · dwn_k)) / ||w_k||`, in place.
    private func projectNormalizedGradient(_ g: UnsafeMutablePointer<Float>) {
        let rows = featureCount, cols = classCount
        var dots = [Float](repeating: 0, count: cols)
        for r in 0..<rows { for c in 0..<cols { dots[c] += normalized[r * cols + c] * g[r * cols + c] } }
        for r in 0..<rows {
            for c in 0..<cols {
                let i = r * cols + c
                g[i] = (g[i] - normalized[i] * dots[c]) / columnNorm[c]
            }
        }
    }
}
