/// An MLP feature extractor with a linear classifier on top, stored for fast batched training.
///
/// Layers are `sizes[0] -> sizes[1] -> ... -> sizes.last`; every layer but the last is followed by ReLU (with
/// `batchNorm`, by batch normalization and then ReLU), and the output of the last ReLU is the feature. Weights are stored input-major (`Wt[in×out]`, the transpose of
/// PyTorch's `weight`), so class k's classifier row is column k of the last layer. All parameters live in one
/// flat buffer (`params`), with gradients and momentum beside it, allocated once: a training step allocates nothing.
package final class Network {
    /// Layer widths, input first, classes last.
    package let sizes: [Int]
    /// Largest batch the work buffers hold.
    package let maxBatch: Int
    /// Number of dense layers (hidden layers + classifier).
    var layerCount: Int { sizes.count - 1 }
    /// Number of classes.
    package var classCount: Int { sizes[sizes.count - 1] }
    /// Feature dimension (input of the classifier).
    var featureCount: Int { sizes[sizes.count - 2] }
    /// Total number of parameters.
    let parameterCount: Int
    /// Whether every hidden layer is batch-normalized before its ReLU (the classifier never is).
    package let batchNorm: Bool

    let params: UnsafeMutablePointer<Float>
    let grads: UnsafeMutablePointer<Float>
    let velocity: UnsafeMutablePointer<Float>
    /// Offset of layer l's weights `Wt[in×out]` in `params`.
    let weightOffset: [Int]
    /// Offset of layer l's bias in `params`.
    let biasOffset: [Int]
    /// Offsets of hidden layer l's batch-normalization scale γ and shift β in `params` (empty without
    /// `batchNorm`). They follow the layer's bias, so the classifier stays the last block of `params`.
    let bnScaleOffset: [Int]
    let bnShiftOffset: [Int]
    /// Running mean and variance of hidden layer l's pre-activations (state, not parameters: no gradient).
    let runningMean: [UnsafeMutablePointer<Float>]
    let runningVar: [UnsafeMutablePointer<Float>]
    /// Hidden layer l's normalized pre-activations `x̂[maxBatch×width]` and `1/sqrt(var + eps)` of the last
    /// training forward pass, for the backward pass.
    let bnHat: [UnsafeMutablePointer<Float>]
    let bnInvStd: [UnsafeMutablePointer<Float>]
    /// Two scratch rows of the widest layer (batch means; evaluation scale and shift).
    let bnScratchA: UnsafeMutablePointer<Float>
    let bnScratchB: UnsafeMutablePointer<Float>

    /// `activations[0]`: the input batch; `activations[l]`: output of layer l (post-ReLU; logits for the last).
    let activations: [UnsafeMutablePointer<Float>]
    /// Two scratch buffers for back-propagated gradients, `maxBatch * max(sizes)` each.
    let deltaA: UnsafeMutablePointer<Float>
    let deltaB: UnsafeMutablePointer<Float>
    /// Scratch for a transposed weight matrix `W[out×in]`.
    let transposed: UnsafeMutablePointer<Float>
    /// The unit-norm classifier `Wn[feat×C]` used by L2-normalized regimes, and the raw columns' norms.
    let normalized: UnsafeMutablePointer<Float>
    let columnNorm: UnsafeMutablePointer<Float>
    /// Per-class scratch for projections (`classCount` floats and doubles).
    let classScratch: UnsafeMutablePointer<Float>
    let classScratchD: UnsafeMutablePointer<Double>

    /// Whether the classifier's columns are normalized to unit norm in the forward pass.
    package var l2Normalized: Bool = false

    /// A network of the given widths with PyTorch `nn.Linear` default initialisation
    /// (weight and bias uniform in ±1/sqrt(fan_in)), drawn in PyTorch's order (weight row by row, then bias).
    /// With `batchNorm` every hidden layer also gets `BatchNorm1d`'s scale 1, shift 0, running mean 0 and
    /// running variance 1; no random numbers are drawn for them, so the linear layers start the same either way.
    package init(sizes: [Int], maxBatch: Int, batchNorm: Bool = false, rng: inout SplitMix64) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 >= 1 } && maxBatch >= 1)
        self.sizes = sizes
        self.maxBatch = maxBatch
        self.batchNorm = batchNorm
        var wOff: [Int] = [], bOff: [Int] = [], gOff: [Int] = [], sOff: [Int] = []
        var total = 0
        for l in 0..<(sizes.count - 1) {
            wOff.append(total); total += sizes[l] * sizes[l + 1]
            bOff.append(total); total += sizes[l + 1]
            if batchNorm && l < sizes.count - 2 {
                gOff.append(total); total += sizes[l + 1]
                sOff.append(total); total += sizes[l + 1]
            }
        }
        weightOffset = wOff
        biasOffset = bOff
        bnScaleOffset = gOff
        bnShiftOffset = sOff
        parameterCount = total
        params = Self.buffer(total)
        grads = Self.buffer(total)
        velocity = Self.buffer(total)
        activations = sizes.map { Self.buffer(maxBatch * $0) }
        let widest = sizes.max()!
        deltaA = Self.buffer(maxBatch * widest)
        deltaB = Self.buffer(maxBatch * widest)
        var largestLayer = 0
        for l in 0..<(sizes.count - 1) { largestLayer = max(largestLayer, sizes[l] * sizes[l + 1]) }
        transposed = Self.buffer(largestLayer)
        let classes = sizes[sizes.count - 1]
        normalized = Self.buffer(sizes[sizes.count - 2] * classes)
        columnNorm = Self.buffer(classes)
        columnNorm.update(repeating: 1, count: classes)
        classScratch = Self.buffer(classes)
        classScratchD = .allocate(capacity: classes)
        classScratchD.initialize(repeating: 0, count: classes)
        let normalizedWidths = batchNorm ? Array(sizes[1..<(sizes.count - 1)]) : []
        runningMean = normalizedWidths.map { Self.buffer($0) }
        runningVar = normalizedWidths.map { w in
            let p = Self.buffer(w)
            p.update(repeating: 1, count: w)
            return p
        }
        bnHat = normalizedWidths.map { Self.buffer(maxBatch * $0) }
        bnInvStd = normalizedWidths.map { Self.buffer($0) }
        bnScratchA = Self.buffer(batchNorm ? widest : 1)
        bnScratchB = Self.buffer(batchNorm ? widest : 1)

        for l in 0..<(sizes.count - 1) {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let bound = 1 / Float(fanIn).squareRoot()
            let w = params + wOff[l]
            for o in 0..<fanOut { for i in 0..<fanIn { w[i * fanOut + o] = rng.nextFloat(bound: bound) } }
            let b = params + bOff[l]
            for o in 0..<fanOut { b[o] = rng.nextFloat(bound: bound) }
        }
        for (l, g) in gOff.enumerated() { (params + g).update(repeating: 1, count: sizes[l + 1]) }
    }

    deinit {
        params.deallocate(); grads.deallocate(); velocity.deallocate()
        for a in activations { a.deallocate() }
        deltaA.deallocate(); deltaB.deallocate(); transposed.deallocate(); normalized.deallocate()
        columnNorm.deallocate(); classScratch.deallocate(); classScratchD.deallocate()
        for p in runningMean + runningVar + bnHat + bnInvStd { p.deallocate() }
        bnScratchA.deallocate(); bnScratchB.deallocate()
    }

    /// A zeroed float buffer aligned to a cache line (64 bytes), so SIMD rows start on line boundaries.
    static func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: max(1, count))
        p.initialize(repeating: 0, count: max(1, count))
        return p
    }

    // MARK: - Parameter access

    /// The parameters as an array (weights input-major), for tests, checkpoints and comparisons.
    var parameters: [Float] {
        get { Array(UnsafeBufferPointer(start: params, count: parameterCount)) }
        set {
            precondition(newValue.count == parameterCount)
            newValue.withUnsafeBufferPointer { params.update(from: $0.baseAddress!, count: parameterCount) }
        }
    }

    /// The gradients of the last `backward` call, laid out like `parameters`.
    var gradients: [Float] { Array(UnsafeBufferPointer(start: grads, count: parameterCount)) }

    /// Range in `parameters` of the classifier's weight and bias (the last layer).
    var classifierRange: Range<Int> { weightOffset[layerCount - 1]..<parameterCount }

    /// Copies all parameters (and momentum, and batch normalization's running averages) from `other`, which
    /// must have the same sizes and normalization.
    func copyState(from other: Network) {
        precondition(other.sizes == sizes && other.batchNorm == batchNorm)
        params.update(from: other.params, count: parameterCount)
        velocity.update(from: other.velocity, count: parameterCount)
        copyRunningStatistics(from: other)
    }

    /// Copies batch normalization's running averages from `other` (same sizes and normalization).
    func copyRunningStatistics(from other: Network) {
        for l in runningMean.indices {
            runningMean[l].update(from: other.runningMean[l], count: sizes[l + 1])
            runningVar[l].update(from: other.runningVar[l], count: sizes[l + 1])
        }
    }

    /// Batch normalization's running means, then running variances, layer by layer (empty without it): the
    /// state evaluation uses besides `parameters`.
    var runningStatistics: [Float] {
        var out: [Float] = []
        for l in runningMean.indices {
            out += UnsafeBufferPointer(start: runningMean[l], count: sizes[l + 1])
            out += UnsafeBufferPointer(start: runningVar[l], count: sizes[l + 1])
        }
        return out
    }

    /// Clears the momentum buffer (a new optimizer).
    func resetMomentum() { velocity.update(repeating: 0, count: parameterCount) }

    /// L2 norm of each class's classifier row (bias excluded) as the forward pass uses it:
    /// exactly the effective unit-norm rows for an L2-normalized classifier.
    func classifierNorms() -> [Double] {
        let l = layerCount - 1
        if l2Normalized {
            refreshNormalizedClassifier()
            return Vector.columnNorms(normalized, rows: featureCount, cols: classCount)
        }
        return Vector.columnNorms(params + weightOffset[l], rows: featureCount, cols: classCount)
    }

    /// Whether every parameter is finite.
    var parametersAreFinite: Bool { Vector.allFinite(params, count: parameterCount) }
}
