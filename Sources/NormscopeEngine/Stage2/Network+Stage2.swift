/// What stage 2 needs from a network: its features, a detached copy of its classifier, row normalization.
extension Network {
    /// The output of the last hidden layer (the feature) for `count` rows of `inputs[count × sizes[0]]`,
    /// row-major `[count × featureCount]`. A network without hidden layers returns its inputs. Batch
    /// normalization is in evaluation mode (running averages): the features do not depend on the batching,
    /// and the network is not changed.
    func features(of inputs: [Float], count: Int) -> [Float] {
        precondition(inputs.count == count * sizes[0])
        if layerCount == 1 { return inputs }
        let f = featureCount
        var out = [Float](repeating: 0, count: count * f)
        let feature = activations[layerCount - 1]
        inputs.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { o in
                var s = 0
                while s < count {
                    let b = min(maxBatch, count - s)
                    loadRows(features: x.baseAddress!, start: s, batch: b)
                    forward(batch: b)
                    (o.baseAddress! + s * f).update(from: feature, count: b * f)
                    s += b
                }
            }
        }
        return out
    }

    /// A one-layer network `[featureCount -> classCount]` holding the classifier this network's forward pass
    /// uses (unit-norm rows for an L2-normalized classifier), bias included.
    func classifierHead(maxBatch: Int) -> Network {
        var rng = SplitMix64(seed: 0)
        let head = Network(sizes: [featureCount, classCount], maxBatch: maxBatch, rng: &rng)
        let n = featureCount * classCount
        if l2Normalized { refreshNormalizedClassifier() }
        head.params.update(from: classifierForward, count: n)
        head.params.advanced(by: n).update(from: params + biasOffset[layerCount - 1], count: classCount)
        return head
    }

    /// A copy of this network (feature extractor with its running averages, and classifier; momentum cleared)
    /// whose classifier is the one-layer `head`'s: the full model a stage-2 continuation stands for.
    func replacingClassifier(with head: Network) -> Network {
        precondition(head.sizes == [featureCount, classCount], "the head must map the features to the classes")
        var rng = SplitMix64(seed: 0)
        let net = Network(sizes: sizes, maxBatch: maxBatch, batchNorm: batchNorm, rng: &rng)
        net.params.update(from: params, count: parameterCount)
        net.copyRunningStatistics(from: self)
        net.params.advanced(by: weightOffset[layerCount - 1]).update(from: head.params, count: head.parameterCount)
        return net
    }

    /// Scales every classifier row by `1 / ||w_k||^tau` (tau = 1: unit rows); the bias is left alone, as in
    /// the official code's `Normalizer`. A zero row stays zero.
    func normalizeClassifierRows(tau: Double) {
        let l = layerCount - 1
        let w = params + weightOffset[l]
        let rows = featureCount, cols = classCount
        let norms = Vector.columnNorms(w, rows: rows, cols: cols)
        let scale = norms.map { $0 > 0 ? Float(1 / _pow($0, tau)) : 1 }
        for r in 0..<rows { for c in 0..<cols { w[r * cols + c] *= scale[c] } }
    }
}
