extension Network {
    /// Back-propagates the logit gradient held in `activations.last` (as left by the loss) into `grads`.
    /// With batch normalization the forward pass must have been a `.training` one (its `x̂` are used).
    ///
    /// With `classifierOnly` only the last layer's gradients are computed (stage 2: the features are frozen).
    func backward(batch: Int, classifierOnly: Bool = false) {
        let last = layerCount - 1
        var delta = activations[layerCount]          // dZ, [batch × C]
        var spare = deltaA
        for l in stride(from: last, through: 0, by: -1) {
            let inW = sizes[l], outW = sizes[l + 1]
            let gw = grads + weightOffset[l]
            if batchNorm && l < last {
                // delta is the gradient at the normalized output (ReLU's mask applied): carry it through the
                // normalization to the layer's pre-activations, with the gradients of γ and β on the way.
                BatchNorm.backward(delta, rows: batch, n: outW, hat: bnHat[l], invStd: bnInvStd[l],
                                   gamma: params + bnScaleOffset[l],
                                   gradGamma: grads + bnScaleOffset[l], gradBeta: grads + bnShiftOffset[l])
            }
            // dWt[in×out] = Xᵀ · delta
            Gemm.gemm(m: inW, n: outW, k: batch, a: activations[l], lda: inW, transA: true,
                      b: delta, ldb: outW, c: gw, ldc: outW, start: .zero, finish: .store)
            Vector.columnSums(delta, rows: batch, n: outW, into: grads + biasOffset[l])
            let forwardW = l == last ? classifierForward : params + weightOffset[l]
            if l == last && l2Normalized { projectNormalizedGradient(gw) }
            if l == 0 || (classifierOnly && l == last) { break }
            // dX[batch×in] = delta · W, with W = Wtᵀ [out×in], masked by ReLU's derivative at the layer's input
            Vector.transpose(forwardW, rows: inW, cols: outW, into: transposed)
            Gemm.gemm(m: batch, n: inW, k: outW, a: delta, lda: outW, transA: false,
                      b: transposed, ldb: inW, c: spare, ldc: inW, start: .zero, finish: .mask(activations[l], ld: inW))
            delta = spare
            spare = spare == deltaA ? deltaB : deltaA
        }
    }

    /// Turns the gradient with respect to the unit-norm classifier into the gradient with respect to the raw
    /// weights: `dw_k = (dwn_k - wn_k (wn_k · dwn_k)) / ||w_k||`, in place.
    private func projectNormalizedGradient(_ g: UnsafeMutablePointer<Float>) {
        Vector.projectOutColumns(g, unit: normalized, norms: columnNorm, rows: featureCount, cols: classCount,
                                 scratch: classScratch)
    }
}
