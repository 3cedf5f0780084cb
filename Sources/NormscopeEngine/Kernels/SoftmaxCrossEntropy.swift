/// Softmax cross-entropy over a batch of logits, with optional per-class weights, and its gradient.
enum SoftmaxCrossEntropy {
    /// Replaces `logits[B×C]` by the gradient of the batch loss with respect to the logits; returns the summed
    /// per-sample losses (unweighted, for reporting) and the mean loss that was differentiated.
    ///
    /// Without weights the loss is the mean over the batch. With weights it is PyTorch's weighted mean,
    /// `sum_i w[y_i] * l_i / sum_i w[y_i]`.
    static func lossAndGradient(logits: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>,
                                batch: Int, classes: Int, weights: UnsafePointer<Float>?) -> (sum: Double, mean: Double) {
        var norm: Float = 0
        if let w = weights { for i in 0..<batch { norm += w[Int(labels[i])] } } else { norm = Float(batch) }
        let inv = 1 / norm
        var total: Double = 0
        var weighted: Double = 0
        for i in 0..<batch {
            let row = logits + i * classes
            let y = Int(labels[i])
            var mx = row[0]
            for j in 1..<classes where row[j] > mx { mx = row[j] }
            var s: Float = 0
            for j in 0..<classes { let e = _expf(row[j] - mx); row[j] = e; s += e }
            let ly = row[y] / s
            let li = -Double(_logf(max(ly, Float.leastNormalMagnitude)))
            total += li
            let wi = weights?[y] ?? 1
            weighted += Double(wi) * li
            let scale = wi * inv / s
            for j in 0..<classes { row[j] *= scale }
            row[y] -= wi * inv
        }
        return (total, weighted / Double(norm))
    }

    /// The loss alone (no gradient), for evaluating a data set; `logits` is overwritten.
    static func loss(logits: UnsafeMutablePointer<Float>, labels: UnsafePointer<Int32>, batch: Int, classes: Int) -> Double {
        var total: Double = 0
        for i in 0..<batch {
            let row = logits + i * classes
            var mx = row[0]
            for j in 1..<classes where row[j] > mx { mx = row[j] }
            var s: Float = 0
            for j in 0..<classes { s += _expf(row[j] - mx) }
            total += Double(_logf(s) + mx - row[Int(labels[i])])
        }
        return total
    }
}
