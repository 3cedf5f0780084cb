/// Stage 2 of the paper: rebalancing a trained stage-1 classifier on its frozen features.
///
/// The feature extractor never changes in stage 2, so the features of every training and test sample are
/// computed once (`features(of:data:)`) and the classifier is retrained as a one-layer network on them: the
/// same arithmetic as training the full network with a frozen extractor, several times cheaper. Every
/// continuation's history starts with the base's final norms (row 0, `stageBoundary` 0); retraining adds one
/// row per epoch, a post-hoc normalization has just the one row of its normalized norms.
public enum Stage2 {
    /// The data set seen by the classifier of `base`: its features of the training and test samples, with
    /// the same class indices, counts and groups.
    public static func features(of base: Network, data: TrainingData) -> TrainingData {
        let train = base.features(of: data.trainFeatures, count: data.trainCount)
        let test = base.features(of: data.testFeatures, count: data.testCount)
        let set = Dataset(name: data.name, dimension: base.featureCount,
                          trainFeatures: train, trainLabels: data.trainLabels.map { Int($0) },
                          testFeatures: test, testLabels: data.testLabels.map { Int($0) })
        // Class indices are already sorted most frequent first, so the data set keeps them as they are.
        precondition(set.labels == Array(0..<data.classCount), "class order must survive feature extraction")
        return TrainingData(set)
    }

    /// The training plan of retraining variant `variant` on base `base`.
    public static func plan(_ variant: Stage2Variant, base: String, config: Stage2Config, classCounts: [Int],
                            batchSize: Int, seed: UInt64) -> TrainingPlan {
        precondition(!variant.isPostHoc, "post-hoc normalizations are not trained")
        let weights = ClassBalancedWeights.weights(counts: classCounts, beta: config.beta).map { Float($0) }
        return TrainingPlan(name: variant.resultName(base: base), epochs: config.epochs,
                            learningRate: config.learningRate, momentum: config.momentum, batchSize: batchSize,
                            weightDecay: variant.usesWeightDecay ? config.weightDecay : 0,
                            maxNorm: variant.usesMaxNorm ? .relative(config.maxNormThresh) : nil,
                            maxNormEvery: config.maxNormEvery, l2Normalized: false, classifierOnly: true,
                            classWeights: weights, seed: seed)
    }

    /// The continuation of one trained stage-1 network: trainers for the retraining variants (ready to run or
    /// to append to a `TrainingSession`) and the finished histories of the post-hoc normalizations.
    ///
    /// `base` is only read. `features` may pass a precomputed `features(of: base, data: data)`.
    public static func continuation(base: Network, baseName: String, data: TrainingData, config: Stage2Config,
                                    batchSize: Int, seed: UInt64, features: TrainingData? = nil) -> Stage2Continuation {
        let feats = features ?? Self.features(of: base, data: data)
        let maxBatch = max(batchSize, TrainingData.evaluationBatch)
        var trainers: [RegimeTrainer] = []
        var postHoc: [RegimeHistory] = []
        for v in config.variants {
            if v.isPostHoc {
                postHoc.append(normalized(base: base, name: v.resultName(base: baseName),
                                          tau: v == .posthocL2 ? 1 : config.tau, features: feats))
            } else {
                let p = plan(v, base: baseName, config: config, classCounts: data.classCounts,
                             batchSize: batchSize, seed: seed)
                trainers.append(RegimeTrainer(plan: p, data: feats, network: base.classifierHead(maxBatch: maxBatch)))
            }
        }
        return Stage2Continuation(base: baseName, variants: config.variants, trainers: trainers, postHoc: postHoc)
    }

    /// The continuation of a finished stage-1 trainer, with its batch size, seed and name; `features` may pass
    /// a precomputed `features(of: trainer.network, data:)` of the trainer's data, shared by several continuations.
    public static func continuation(after trainer: RegimeTrainer, config: Stage2Config,
                                    features: TrainingData? = nil) -> Stage2Continuation {
        continuation(base: trainer.network, baseName: trainer.plan.name, data: trainer.data, config: config,
                     batchSize: trainer.plan.batchSize, seed: trainer.plan.seed, features: features)
    }

    /// The history of `base`'s classifier with rows scaled by `1/||w_k||^tau`: one norms row, its training
    /// loss (plain cross-entropy) and test accuracy; `stageBoundary` 0.
    public static func normalized(base: Network, name: String, tau: Double, features: TrainingData) -> RegimeHistory {
        let clock = ContinuousClock()
        let start = clock.now
        let head = base.classifierHead(maxBatch: TrainingData.evaluationBatch)
        head.normalizeClassifierRows(tau: tau)
        return evaluate(head: head, name: name, features: features, seconds: (clock.now - start).seconds)
    }

    /// A one-row history of a classifier `head` evaluated on `features`.
    static func evaluate(head: Network, name: String, features: TrainingData, seconds: Double) -> RegimeHistory {
        let clock = ContinuousClock()
        let start = clock.now
        var predictions = [Int32](repeating: 0, count: head.maxBatch)
        let perClass = features.classAccuracy(of: head, predictions: &predictions)
        let acc = AccuracySummary(classAccuracy: perClass, groups: features.groups)
        let loss = features.trainLoss(of: head)
        return RegimeHistory(name: name, norms: [head.classifierNorms()], trainLoss: [loss], accuracy: acc,
                             classAccuracy: perClass, accuracyHistory: [acc],
                             seconds: seconds + (clock.now - start).seconds, stageBoundary: 0)
    }
}

/// The stage-2 continuations of one stage-1 regime, named `<base>><variant>`.
public struct Stage2Continuation {
    /// The stage-1 regime continued.
    public let base: String
    /// The variants, in display order.
    public let variants: [Stage2Variant]
    /// One trainer per retraining variant, in `variants` order.
    public let trainers: [RegimeTrainer]
    /// One finished history per post-hoc variant, in `variants` order.
    public let postHoc: [RegimeHistory]

    /// The result names in display order.
    public var names: [String] { variants.map { $0.resultName(base: base) } }

    /// All histories in `variants` order, taking the retraining ones from `trained` (by name) when given
    /// (e.g. a session's snapshot), else from the trainers.
    public func histories(trained: [RegimeHistory]? = nil) -> [RegimeHistory] {
        var byName: [String: RegimeHistory] = [:]
        for h in postHoc { byName[h.name] = h }
        for t in trainers { byName[t.plan.name] = t.history }
        for h in trained ?? [] where byName[h.name] != nil { byName[h.name] = h }
        return names.compactMap { byName[$0] }
    }
}
