/// Trains one network under one plan, epoch by epoch, recording its history.
///
/// Not thread-safe: one trainer is driven by one thread at a time. Everything it does is determined by the
/// data, the initial network and the plan's seed, so it gives the same bits on any thread.
package final class RegimeTrainer {
    package let plan: TrainingPlan
    package let network: Network
    let data: TrainingData
    /// Epochs completed so far.
    package private(set) var epoch = 0
    /// Everything recorded so far.
    package private(set) var history: RunHistory
    /// The MaxNorm radius at the start, if the plan projects (a scheduled change may replace it from an epoch on:
    /// see `TrainingPlan.settings`).
    package let radius: Double?
    private var order: [Int32]
    private var predictions: [Int32]
    /// Labels of the current mini-batch.
    private var labels: [Int32]
    private var weights: [Float]?
    /// Called after every optimizer step (and projection) with the network; for tests of per-step invariants.
    var afterStep: ((Network) -> Void)?
    /// Whether every epoch is evaluated on the test set (the default), or only the last planned one.
    ///
    /// Off for callers that read only the final accuracy (`reproduce`): an epoch's record then keeps its norms and
    /// training loss and repeats the last evaluated accuracy, and a quarter of the default model's epoch (the
    /// test set's forward pass) is saved. Training itself, and so the final network and accuracy, are the same
    /// bits either way.
    package var evaluatesEveryEpoch = true

    /// Whether the trainer has nothing left to do (all epochs run, or diverged).
    package var isFinished: Bool { epoch >= plan.epochs || history.diverged != nil }

    /// A trainer for `plan` on `data`, starting from `network` (which it takes over).
    /// The epoch-0 evaluation of a fresh network: what a trainer whose network and evaluation are the same may
    /// take over instead of computing it again (`Experiment.makeTrainers`).
    package struct InitialEvaluation {
        let trainLoss: Double
        let perClass: ClassEvaluation

        init(trainLoss: Double, perClass: ClassEvaluation) {
            self.trainLoss = trainLoss
            self.perClass = perClass
        }

        /// The epoch-0 evaluation a finished or running trainer recorded in `history` (nil if it has none).
        init?(recordedIn history: RunHistory) {
            guard let first = history.records.first, first.epoch == 0 else { return nil }
            self.init(trainLoss: first.trainLoss,
                      perClass: ClassEvaluation(accuracy: first.classAccuracy, predictionCounts: first.predictionCounts))
        }
    }

    /// This trainer's epoch-0 evaluation, as recorded.
    package var initialEvaluation: InitialEvaluation? { InitialEvaluation(recordedIn: history) }

    package init(plan: TrainingPlan, data: TrainingData, network: Network, evaluated: InitialEvaluation? = nil) {
        self.plan = plan
        self.data = data
        self.network = network
        network.l2Normalized = plan.l2Normalized
        network.resetMomentum()
        let initial = network.classifierNorms()
        radius = plan.maxNorm.map { $0.radius(initialNorms: initial) }
        order = (0..<Int32(data.trainCount)).map { $0 }
        predictions = Array(repeating: 0, count: network.maxBatch)
        labels = Array(repeating: 0, count: max(1, plan.batchSize))
        weights = plan.classWeights
        history = RunHistory(id: plan.id, plannedEpochs: plan.epochs, maxNormRadius: radius,
                                stage2StartEpoch: plan.classifierOnly ? 0 : nil)
        if radius != nil { history.maxNormClips = 0 }
        if let evaluated {
            recordEpoch(trainLoss: evaluated.trainLoss, evaluation: evaluated.perClass)
        } else {
            recordEpoch(trainLoss: data.trainLoss(of: network))
        }
    }

    /// A stage-1 trainer: a fresh network initialised from the config's seed (the same for every regime). A
    /// given `initial` evaluation must be that of a trainer of the same config whose regime has the same
    /// `l2Normalized` (the only plan setting that changes a fresh network's outputs).
    package convenience init(regime: Regime, config: TrainingConfig, data: TrainingData, initial: InitialEvaluation? = nil) {
        var rng = SplitMix64(seed: config.seed, stream: "init")
        let net = Network(sizes: [data.dimension] + config.hidden + [data.classCount],
                          maxBatch: max(config.batchSize, TrainingData.evaluationBatch),
                          batchNorm: config.usesBatchNorm, rng: &rng)
        self.init(plan: TrainingPlan(regime: regime, config: config), data: data, network: net, evaluated: initial)
    }

    /// Runs one epoch: shuffled mini-batches, SGD with momentum, projections; then evaluates and records.
    /// The optimizer settings are read once, here at the epoch's start, from `changes` (a session's schedule)
    /// or else the plan's own.
    ///
    /// `mayContinue` is asked before each mini-batch; when it says no the epoch is abandoned half-way and this
    /// returns false: the trainer is then in no state to be used again (its session was cancelled). Otherwise
    /// returns true.
    @discardableResult
    package func runEpoch(changes: [ConfigChange]? = nil, mayContinue: (() -> Bool)? = nil) -> Bool {
        guard !isFinished else { return true }
        let clock = ContinuousClock()
        let start = clock.now
        let e = epoch
        var rng = SplitMix64(seed: plan.seed, stream: "batches/\(e)")
        for i in 0..<order.count { order[i] = Int32(i) }
        rng.shuffle(&order)
        let current = plan.settings(epoch: e, changes: changes ?? plan.changes, initialRadius: self.radius)
        let lr = Float(current.learningRate), mo = Float(current.momentum), wd = Float(current.weightDecay)
        let radius = current.radius
        let range = plan.classifierOnly ? network.classifierRange : 0..<network.parameterCount
        let n = data.trainCount, bs = plan.batchSize, classes = network.classCount
        var lossSum = 0.0
        var failure: String?
        var clips = 0
        var abandoned = false
        data.trainFeatures.withUnsafeBufferPointer { x in
        data.trainLabels.withUnsafeBufferPointer { y in
        order.withUnsafeBufferPointer { idx in
            var s = 0
            while s < n {
                if let mayContinue, !mayContinue() {
                    abandoned = true
                    return
                }
                let b = min(bs, n - s)
                network.loadBatch(features: x.baseAddress!, indices: idx.baseAddress! + s, batch: b)
                for i in 0..<b { labels[i] = y[Int(idx[s + i])] }
                network.forward(batch: b, mode: plan.classifierOnly ? .evaluation : .training)
                let logits = network.activations[network.layerCount]
                let loss = labels.withUnsafeBufferPointer { lp in
                    if let w = weights {
                        return w.withUnsafeBufferPointer {
                            SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: lp.baseAddress!, batch: b,
                                                                classes: classes, weights: $0.baseAddress!)
                        }
                    }
                    return SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: lp.baseAddress!, batch: b,
                                                               classes: classes, weights: nil)
                }
                if !loss.sum.isFinite {
                    failure = loss.sum.isNaN ? "loss is NaN" : "loss is infinite"
                    return
                }
                lossSum += loss.sum
                network.backward(batch: b, classifierOnly: plan.classifierOnly)
                network.sgdStep(range: range, learningRate: lr, momentum: mo, weightDecay: wd)
                if let r = radius, plan.maxNormEvery == .step { clips += network.projectClassifier(radius: r) }
                afterStep?(network)
                s += b
            }
        }}}
        if abandoned { return false }
        if failure == nil, let r = radius, plan.maxNormEvery == .epoch { clips += network.projectClassifier(radius: r) }
        if radius != nil { history.maxNormClips = (history.maxNormClips ?? 0) + clips }
        if clips > 0 { history.maxNormLastClipEpoch = e + 1 }
        if failure == nil && !network.parametersAreFinite { failure = "weights are not finite" }
        epoch += 1
        history.seconds += (clock.now - start).seconds
        if let f = failure {
            history.diverged = Divergence(epoch: epoch, reason: f)
            return true
        }
        recordEpoch(trainLoss: lossSum / Double(n))
        return true
    }

    /// Appends the current norms, the loss, the test accuracy (per class too) and the prediction counts to the
    /// history; without `evaluatesEveryEpoch`, an epoch before the last repeats the last evaluated accuracy.
    private func recordEpoch(trainLoss: Double, evaluation: ClassEvaluation? = nil) {
        let clock = ContinuousClock()
        let start = clock.now
        let record: EpochRecord
        if !evaluatesEveryEpoch && epoch < plan.epochs, let last = history.records.last {
            record = EpochRecord(epoch: epoch, norms: network.classifierNorms(), trainLoss: trainLoss,
                                 accuracy: last.accuracy, classAccuracy: last.classAccuracy,
                                 predictionCounts: last.predictionCounts)
        } else {
            let perClass = evaluation ?? data.classEvaluation(of: network, predictions: &predictions)
            history.classAccuracy = perClass.accuracy
            record = EpochRecord(epoch: epoch, norms: network.classifierNorms(), trainLoss: trainLoss,
                                 accuracy: AccuracySummary(classAccuracy: perClass.accuracy, groups: data.groups),
                                 classAccuracy: perClass.accuracy, predictionCounts: perClass.predictionCounts)
        }
        history.append(record)
        history.downsampleIfNeeded()  // bounded memory on long runs (see RunHistory)
        history.seconds += (clock.now - start).seconds
    }

    /// Drops wall-clock timings from the history (for byte-identical result files).
    func clearTimings() { history.seconds = 0 }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
