/// Stage 2 of the paper: rebalancing a trained stage-1 classifier on its frozen features.
///
/// The feature extractor never changes in stage 2, so the features of every training and test sample are
/// computed once (`features(of:data:)`) and the classifier is retrained as a one-layer network on them: the
/// same arithmetic as training the full network with a frozen extractor, several times cheaper. Every
/// continuation's history starts with the base's final norms (row 0, `stage2StartEpoch` 0); retraining adds one
/// row per epoch, a post-hoc normalization has just the one row of its normalized norms.
enum Stage2 {
    /// The data set seen by the classifier of `base`: its features of the training and test samples, with
    /// the same class indices, counts and groups.
    static func features(of base: Network, data: TrainingData) -> TrainingData {
        let train = base.features(of: data.trainFeatures, count: data.trainCount)
        let test = base.features(of: data.testFeatures, count: data.testCount)
        let set = Dataset(name: data.name, dimension: base.featureCount,
                          trainFeatures: train, trainLabels: data.trainLabels.map { Int($0) },
                          testFeatures: test, testLabels: data.testLabels.map { Int($0) })
        // Class indices are already sorted most frequent first, so the data set keeps them as they are.
        precondition(set.labels == Array(0..<data.classCount), "class order must survive feature extraction")
        return TrainingData(set)
    }

    /// The training plan of retraining variant `variant` on base regime `base`.
    static func plan(_ variant: Stage2Variant, base: Regime, config: Stage2Config, classCounts: [Int],
                            batchSize: Int, seed: UInt64) -> TrainingPlan {
        precondition(!variant.isPostHoc, "post-hoc normalizations are not trained")
        let weights = ClassBalancedWeights.weights(counts: classCounts, beta: config.beta).map { Float($0) }
        return TrainingPlan(id: RunID(base, variant), epochs: config.epochs,
                            learningRate: config.learningRate, momentum: config.momentum, batchSize: batchSize,
                            weightDecay: variant.usesWeightDecay ? config.weightDecay : 0,
                            maxNorm: variant.usesMaxNorm ? .relative(config.maxNormThresh) : nil,
                            maxNormEvery: config.maxNormEvery, l2Normalized: false, classifierOnly: true,
                            classWeights: weights, seed: seed)
    }

    /// The continuation of one trained stage-1 network by `config.variants`: a trainer for each retraining
    /// variant (to hand to a `TrainingSession`) and the finished history of each post-hoc normalization.
    ///
    /// `base` is only read. `features` may pass a precomputed `features(of: base, data: data)`.
    static func continuation(base: Network, baseRegime: Regime, data: TrainingData, config: Stage2Config,
                                    batchSize: Int, seed: UInt64, features: TrainingData? = nil) -> Stage2Continuation {
        let feats = features ?? Self.features(of: base, data: data)
        let maxBatch = max(batchSize, TrainingData.evaluationBatch)
        let runs = config.variants.map { v -> Stage2Continuation.Run in
            if v.isPostHoc {
                return .finished(normalized(base: base, id: RunID(baseRegime, v),
                                            tau: v == .posthocL2 ? 1 : config.tau, features: feats))
            }
            let p = plan(v, base: baseRegime, config: config, classCounts: data.classCounts,
                         batchSize: batchSize, seed: seed)
            return .training(RegimeTrainer(plan: p, data: feats, network: base.classifierHead(maxBatch: maxBatch)))
        }
        return Stage2Continuation(base: RunID(baseRegime), runs: runs)
    }

    /// The continuation of a finished stage-1 trainer, with its batch size, seed and regime; `features` may pass
    /// a precomputed `features(of: trainer.network, data:)` of the trainer's data, shared by several continuations.
    static func continuation(after trainer: RegimeTrainer, config: Stage2Config,
                                    features: TrainingData? = nil) -> Stage2Continuation {
        precondition(trainer.isFinished, "stage 2 continues a finished stage-1 trainer only")
        return continuation(base: trainer.network, baseRegime: trainer.plan.id.base, data: trainer.data,
                            config: config, batchSize: trainer.plan.batchSize, seed: trainer.plan.seed,
                            features: features)
    }

    /// The history of `base`'s classifier with rows scaled by `1/||w_k||^tau`: one norms row, its training
    /// loss (plain cross-entropy) and test accuracy; `stage2StartEpoch` 0.
    static func normalized(base: Network, id: RunID, tau: Double, features: TrainingData) -> RunHistory {
        let clock = ContinuousClock()
        let start = clock.now
        let head = base.classifierHead(maxBatch: TrainingData.evaluationBatch)
        head.normalizeClassifierRows(tau: tau)
        return evaluate(head: head, id: id, features: features, seconds: (clock.now - start).seconds)
    }

    /// A one-row history of a classifier `head` evaluated on `features`.
    static func evaluate(head: Network, id: RunID, features: TrainingData, seconds: Double) -> RunHistory {
        let clock = ContinuousClock()
        let start = clock.now
        var predictions = [Int32](repeating: 0, count: head.maxBatch)
        let perClass = features.classEvaluation(of: head, predictions: &predictions)
        let acc = AccuracySummary(classAccuracy: perClass.accuracy, groups: features.groups)
        let loss = features.trainLoss(of: head)
        let record = EpochRecord(epoch: 0, norms: head.classifierNorms(), trainLoss: loss, accuracy: acc,
                                 classAccuracy: perClass.accuracy, predictionCounts: perClass.predictionCounts)
        return RunHistory(id: id, plannedEpochs: 0, records: [record],
                             accuracy: acc, classAccuracy: perClass.accuracy,
                             seconds: seconds + (clock.now - start).seconds, stage2StartEpoch: 0)
    }
}

/// The stage-2 runs of one stage-1 regime, in its config's variant order: trainers still to run, and
/// post-hoc normalizations already done.
struct Stage2Continuation {
    /// One stage-2 run: a trainer to hand to a session, or a finished history.
    package enum Run {
        case training(RegimeTrainer)
        case finished(RunHistory)

        /// The run's identity.
        package var id: RunID {
            switch self {
            case .training(let t): return t.plan.id
            case .finished(let h): return h.id
            }
        }
    }

    /// The stage-1 run continued.
    let base: RunID
    /// The runs, in variant order.
    let runs: [Run]

    /// The trainers among `runs`, in order.
    var trainers: [RegimeTrainer] {
        runs.compactMap { if case .training(let t) = $0 { return t } else { return nil } }
    }
}
