extension Network {
    /// Back-propagates the logit gradient held in `activations.last` (as left by the loss) into `grads`.
    /// With batch normalization the forward pass must have been a `.training` one (its `x̂` are used).
    ///
    /// With `classifierOnly` only the last layer's gradients are computed (stage 2: the features are frozen).
    /// With `step`, the weights of every layer `fusesStep` names take their SGD step as their gradient is
    /// computed (that gradient is not left in `grads`); the rest of the step is `sgdStep(afterFused:)`'s.
    func backward(batch: Int, classifierOnly: Bool = false, step: SGDSettings? = nil) {
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
            let propagates = l > 0 && !(classifierOnly && l == last)
            // W = Wtᵀ [out×in] for the input gradient, taken before a fused step changes Wt.
            if propagates {
                let forwardW = l == last ? classifierForward : params + weightOffset[l]
                Vector.transpose(forwardW, rows: inW, cols: outW, into: transposed)
            }
            // dWt[in×out] = Xᵀ · delta (or, fused, the SGD step it drives)
            let finish: Gemm.Finish
            if let s = step, fusesStep(layer: l, classifierOnly: classifierOnly) {
                finish = .sgd(w: params + weightOffset[l], v: velocity + weightOffset[l],
                              learningRate: s.learningRate, momentum: s.momentum, weightDecay: s.weightDecay)
            } else {
                finish = .store
            }
            Gemm.gemm(m: inW, n: outW, k: batch, a: activations[l], lda: inW, transA: true,
                      b: delta, ldb: outW, c: gw, ldc: outW, start: .zero, finish: finish)
            Vector.columnSums(delta, rows: batch, n: outW, into: grads + biasOffset[l])
            if l == last && l2Normalized { projectNormalizedGradient(gw) }
            if !propagates { break }
            // dX[batch×in] = delta · W, masked by ReLU's derivative at the layer's input
            Gemm.gemm(m: batch, n: inW, k: outW, a: delta, lda: outW, transA: false,
                      b: transposed, ldb: inW, c: spare, ldc: inW, start: .zero, finish: .mask(activations[l], ld: inW))
            delta = spare
            spare = spare == deltaA ? deltaB : deltaA
        }
    }

    /// Whether a backward pass with a step fuses that step into layer `l`'s weight-gradient product: every layer
    /// it computes the gradient of, except an L2-normalised classifier (its gradient is projected first).
    func fusesStep(layer l: Int, classifierOnly: Bool) -> Bool {
        let last = layerCount - 1
        if classifierOnly && l != last { return false }
        return !(l == last && l2Normalized)
    }

    /// Turns the gradient with respect to the unit-norm classifier into the gradient with respect to the raw
    /// weights: `dw_k = (dwn_k - wn_k (wn_k · dwn_k)) / ||w_k||`, in place.
    private func projectNormalizedGradient(_ g: UnsafeMutablePointer<Float>) {
        Vector.projectOutColumns(g, unit: normalized, norms: columnNorm, rows: featureCount, cols: classCount,
                                 scratch: classScratch)
    }
}
