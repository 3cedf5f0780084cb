/// Whether a forward pass trains (batch normalization by batch statistics) or evaluates (by running averages).
enum ForwardMode {
    case training
    case evaluation
}

extension Network {
    /// The classifier weights the forward pass uses: the raw `Wt`, or its column-normalized copy.
    var classifierForward: UnsafeMutablePointer<Float> {
        l2Normalized ? normalized : params + weightOffset[layerCount - 1]
    }

    /// Recomputes the unit-norm classifier `normalized` and the raw column norms from the parameters.
    func refreshNormalizedClassifier() {
        Vector.normalizeColumns(params + weightOffset[layerCount - 1], rows: featureCount, cols: classCount,
                                into: normalized, norms: columnNorm)
    }

    /// Loads `batch` samples, the rows `indices[0..<batch]` of `features[n×d]`, into the input buffer.
    func loadBatch(features: UnsafePointer<Float>, indices: UnsafePointer<Int32>, batch: Int) {
        Vector.gatherRows(features, indices: indices, rows: batch, n: sizes[0], into: activations[0])
    }

    /// Loads `batch` consecutive samples starting at row `start`.
    func loadRows(features: UnsafePointer<Float>, start: Int, batch: Int) {
        let d = sizes[0]
        activations[0].update(from: features + start * d, count: batch * d)
    }

    /// Runs the forward pass on the `batch` samples in the input buffer; the logits end in `activations.last`.
    ///
    /// `mode` only matters with batch normalization: `.training` normalizes by the batch's statistics (and
    /// updates the running averages), `.evaluation` by the running averages and changes nothing.
    func forward(batch: Int, mode: ForwardMode = .evaluation) {
        if l2Normalized { refreshNormalizedClassifier() }
        for l in 0..<layerCount {
            forwardLayer(l, batch: batch, mode: mode)
        }
    }

    /// The forward pass of layer l: bias and (after hidden layers) ReLU fused into the product; with batch
    /// normalization the product is stored and normalized, then ReLU applied, in one more pass.
    @inline(__always)
    func forwardLayer(_ l: Int, batch: Int, mode: ForwardMode) {
        let inW = sizes[l], outW = sizes[l + 1]
        let hidden = l < layerCount - 1
        let w = hidden ? params + weightOffset[l] : classifierForward
        let normalized = hidden && batchNorm
        Gemm.gemm(m: batch, n: outW, k: inW, a: activations[l], lda: inW, transA: false,
                  b: w, ldb: outW, c: activations[l + 1], ldc: outW,
                  start: .bias(params + biasOffset[l]), finish: hidden && !normalized ? .relu : .store)
        guard normalized else { return }
        let gamma = params + bnScaleOffset[l], beta = params + bnShiftOffset[l]
        switch mode {
        case .training:
            BatchNorm.forwardTraining(activations[l + 1], rows: batch, n: outW, gamma: gamma, beta: beta,
                                      hat: bnHat[l], invStd: bnInvStd[l], mean: bnScratchA,
                                      runningMean: runningMean[l], runningVar: runningVar[l])
        case .evaluation:
            BatchNorm.forwardEvaluation(activations[l + 1], rows: batch, n: outW, gamma: gamma, beta: beta,
                                        runningMean: runningMean[l], runningVar: runningVar[l],
                                        scale: bnScratchA, shift: bnScratchB)
        }
    }

    /// The index of the largest logit of each of the `batch` samples (the first, on ties).
    func predictions(batch: Int, into out: inout [Int32]) {
        let c = classCount
        let z = activations[layerCount]
        for i in 0..<batch {
            let row = z + i * c
            let mx = SoftmaxCrossEntropy.rowMax(row, c)
            var best = 0
            for j in 0..<c where row[j] == mx { best = j; break }
            out[i] = Int32(best)
        }
    }
}
