extension Network {
    /// The classifier weights the forward pass uses: the raw `Wt`, or its column-normalized copy.
    var classifierForward: UnsafeMutablePointer<Float> {
        l2Normalized ? normalized : params + weightOffset[layerCount - 1]
    }

    /// Recomputes the unit-norm classifier `normalized` and the raw column norms from the parameters.
    func refreshNormalizedClassifier() {
        let w = params + weightOffset[layerCount - 1]
        let rows = featureCount, cols = classCount
        var sq = [Float](repeating: 0, count: cols)
        for r in 0..<rows { for c in 0..<cols { let v = w[r * cols + c]; sq[c] += v * v } }
        for c in 0..<cols { columnNorm[c] = max(sq[c].squareRoot(), 1e-12) }
        for r in 0..<rows {
            for c in 0..<cols { normalized[r * cols + c] = w[r * cols + c] / columnNorm[c] }
        }
    }

    /// Loads `batch` samples, the rows `indices[0..<batch]` of `features[n×d]`, into the input buffer.
    func loadBatch(features: UnsafePointer<Float>, indices: UnsafePointer<Int32>, batch: Int) {
        let d = sizes[0]
        let x = activations[0]
        for i in 0..<batch { (x + i * d).update(from: features + Int(indices[i]) * d, count: d) }
    }

    /// Loads `batch` consecutive samples starting at row `start`.
    func loadRows(features: UnsafePointer<Float>, start: Int, batch: Int) {
        let d = sizes[0]
        activations[0].update(from: features + start * d, count: batch * d)
    }

    /// Runs the forward pass on the `batch` samples in the input buffer; the logits end in `activations.last`.
    func forward(batch: Int) {
        if l2Normalized { refreshNormalizedClassifier() }
        for l in 0..<layerCount {
            forwardLayer(l, batch: batch, upTo: nil)
        }
    }

    /// The forward pass of layer l (bias fused into the product, ReLU after hidden layers).
    @inline(__always)
    func forwardLayer(_ l: Int, batch: Int, upTo _: Int?) {
        let inW = sizes[l], outW = sizes[l + 1]
        let out = activations[l + 1]
        Vector.broadcastRows(params + biasOffset[l], rows: batch, n: outW, into: out)
        let w = l == layerCount - 1 ? classifierForward : params + weightOffset[l]
        Gemm.gemm(m: batch, n: outW, k: inW, a: activations[l], lda: inW, transA: false,
                  b: w, ldb: outW, c: out, ldc: outW, accumulate: true)
        if l < layerCount - 1 { Vector.relu(out, count: batch * outW) }
    }

    /// The index of the largest logit of each of the `batch` samples.
    func predictions(batch: Int, into out: inout [Int32]) {
        let c = classCount
        let z = activations[layerCount]
        for i in 0..<batch {
            let row = z + i * c
            var best = 0
            var bv = row[0]
            for j in 1..<c where row[j] > bv { bv = row[j]; best = j }
            out[i] = Int32(best)
        }
    }
}
