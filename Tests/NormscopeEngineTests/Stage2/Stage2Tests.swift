import Foundation
import Testing
@testable import NormscopeEngine

/// Stage 2 on a quick configuration: frozen features, the continuations' histories, post-hoc norms, and the
/// paper's claim that rebalancing the classifier helps the rare classes. Serialized: the tests share one
/// trained base network, whose work buffers a forward pass overwrites.
@Suite(.serialized)
struct Stage2Tests {
    static let recipe = PaperClaimTests.recipe
    static let config = PaperClaimTests.config

    /// A `wd` model trained once for all tests, with its data.
    nonisolated(unsafe) static let base: (trainer: RegimeTrainer, data: TrainingData) = {
        let data = TrainingData(SyntheticGenerator.generate(recipe, seed: config.seed))
        let t = RegimeTrainer(regime: .wd, config: config, data: data)
        while !t.isFinished { t.runEpoch() }
        return (t, data)
    }()

    /// The default continuation of the base, run to the end, with the base's parameters before it.
    nonisolated(unsafe) static let continued: (cont: Stage2Continuation, before: [Float]) = {
        let before = base.trainer.network.parameters
        let c = Stage2.continuation(after: base.trainer, config: Stage2Config())
        for t in c.trainers { while !t.isFinished { t.runEpoch() } }
        return (c, before)
    }()

    /// The histories of a continuation whose trainers were run to the end on this thread.
    static func histories(_ c: Stage2Continuation) -> [RunHistory] {
        c.runs.map { run in
            switch run {
            case .training(let t): return t.history
            case .finished(let h): return h
            }
        }
    }

    func history(_ variant: Stage2Variant) -> RunHistory {
        Self.histories(Self.continued.cont).first { $0.id == RunID(.wd, variant) }!
    }

    @Test func namesFollowTheTableOrder() {
        #expect(Self.continued.cont.runs.map(\.id.name) == ["wd>posthoc-l2", "wd>posthoc-tau", "wd>cb+wd", "wd>cb+maxnorm",
                                                            "wd>cb+wd+maxnorm"])
        #expect(Self.histories(Self.continued.cont).map(\.id) == Self.continued.cont.runs.map(\.id))
    }

    @Test func featureExtractorStaysBitIdentical() {
        let net = Self.base.trainer.network
        #expect(net.parameters == Self.continued.before, "stage 2 only reads the base network")
        let head = Self.continued.cont.trainers.last!.network
        let full = net.replacingClassifier(with: head)
        let cut = net.classifierRange.lowerBound
        #expect(Array(full.parameters[..<cut]) == Array(Self.continued.before[..<cut]))
        #expect(Array(full.parameters[cut...]) == head.parameters)
        // The assembled full model on the original data scores exactly what stage 2 recorded.
        var predictions = [Int32](repeating: 0, count: full.maxBatch)
        let perClass = Self.base.data.classEvaluation(of: full, predictions: &predictions).accuracy
        #expect(perClass == history(.cbWDMaxNorm).classAccuracy)
    }

    @Test func precomputedFeaturesMatchTrainingTheFrozenFullNetwork() {
        // Retraining the full network's classifier (extractor frozen) on the raw data gives the same classifier.
        let net = Self.base.trainer.network
        var rng = SplitMix64(seed: 0)
        let copy = Network(sizes: net.sizes, maxBatch: net.maxBatch, rng: &rng)
        copy.copyState(from: net)
        let plan = Stage2.plan(.cbWD, base: .wd, config: Stage2Config(epochs: 2), classCounts: Self.base.data.classCounts,
                               batchSize: Self.config.batchSize, seed: Self.config.seed)
        let fullTrainer = RegimeTrainer(plan: plan, data: Self.base.data, network: copy)
        let headTrainer = RegimeTrainer(plan: plan, data: Stage2.features(of: net, data: Self.base.data),
                                        network: net.classifierHead(maxBatch: net.maxBatch))
        for _ in 0..<2 { fullTrainer.runEpoch(); headTrainer.runEpoch() }
        let cut = copy.classifierRange.lowerBound
        #expect(Array(copy.parameters[..<cut]) == Array(net.parameters[..<cut]), "classifierOnly freezes the extractor")
        for (a, b) in zip(copy.parameters[cut...], headTrainer.network.parameters) {
            #expect(abs(a - b) <= 1e-5 * max(1, abs(a)))
        }
        #expect(headTrainer.history.classAccuracy == fullTrainer.history.classAccuracy)
    }

    @Test func historiesStartAtTheStageOneNorms() {
        let stage1Final = Self.base.trainer.history.finalNorms
        for v in Stage2Variant.retraining {
            let h = history(v)
            #expect(h.stage2StartEpoch == 0)
            #expect(h.records.map(\.epoch) == Array(0...10))
            #expect(h.records[0].norms == stage1Final)
            #expect(h.records[0].accuracy == Self.base.trainer.history.accuracy)
            #expect(h.diverged == nil)
        }
    }

    @Test func maxNormVariantsStayInTheRelativeBall() {
        let n = Self.base.trainer.history.finalNorms
        let radius = n.min()! + 0.1 * (n.max()! - n.min()!)
        for v in [Stage2Variant.cbMaxNorm, .cbWDMaxNorm] {
            let h = history(v)
            #expect(abs(h.maxNormRadius! - radius) < 1e-12)
            for r in h.records.dropFirst() { for x in r.norms { #expect(x <= radius * (1 + 1e-5)) } }
        }
        #expect(history(.cbWD).maxNormRadius == nil)
    }

    @Test func postHocNormalizationsGiveTheExpectedNorms() {
        let stage1 = Self.base.trainer.history.finalNorms
        let l2 = history(.posthocL2), tau = history(.posthocTau)
        #expect(l2.records.count == 1 && tau.records.count == 1 && l2.epochsDone == 0)
        #expect(l2.stage2StartEpoch == 0 && tau.stage2StartEpoch == 0)
        for x in l2.finalNorms { #expect(abs(x - 1) < 1e-6) }
        let t = Stage2Config().tau
        for (x, n) in zip(tau.finalNorms, stage1) { #expect(abs(x - _pow(n, 1 - t)) < 1e-5 * max(1, x)) }
        #expect(l2.records.map(\.accuracy) == [l2.accuracy])
    }

    @Test func postHocKeepsTheBiasAndScalesRows() {
        let net = Self.base.trainer.network
        let head = net.classifierHead(maxBatch: 8)
        let before = head.parameters
        head.normalizeClassifierRows(tau: 0.5)
        let after = head.parameters
        let f = net.featureCount, c = net.classCount
        #expect(Array(after[(f * c)...]) == Array(before[(f * c)...]), "bias untouched")
        let norms = Stage2Tests.columnNorms(before, rows: f, cols: c)
        for r in 0..<f {
            for k in 0..<c {
                let expected = Double(before[r * c + k]) / norms[k].squareRoot()
                #expect(abs(Double(after[r * c + k]) - expected) < 1e-5)
            }
        }
    }

    static func columnNorms(_ w: [Float], rows: Int, cols: Int) -> [Double] {
        var sq = [Double](repeating: 0, count: cols)
        for r in 0..<rows { for k in 0..<cols { let v = Double(w[r * cols + k]); sq[k] += v * v } }
        return sq.map { $0.squareRoot() }
    }

    @Test func stageTwoRaisesFewClassAccuracyOverTheWDModel() {
        let wd = Self.base.trainer.history.accuracy
        for v in Stage2Variant.retraining {
            let a = history(v).accuracy
            #expect(a.few > wd.few + 5, "\(v): few \(a.few) vs wd \(wd.few)")
        }
        #expect(history(.cbWDMaxNorm).accuracy.all > wd.all)
    }

    @Test func continuationsOfAnyRegimeAreNamedAfterIt() {
        let data = Self.base.data
        var c = Self.config
        c.epochs = 2
        let t = RegimeTrainer(regime: .l2norm, config: c, data: data)
        while !t.isFinished { t.runEpoch() }
        let s = Stage2Config(variants: [.posthocL2, .cbWDMaxNorm], epochs: 1)
        let cont = Stage2.continuation(after: t, config: s)
        #expect(cont.runs.map(\.id.name) == ["l2norm>posthoc-l2", "l2norm>cb+wd+maxnorm"])
        // The L2-normalized classifier is continued as the forward pass used it: unit rows.
        for x in cont.trainers[0].history.records[0].norms { #expect(abs(x - 1) < 1e-5) }
        #expect(cont.trainers[0].history.records[0].norms == t.history.finalNorms)
    }
}

/// Joining a stage-2 history to its base, for one panel with both stages.
struct Stage2JoinTests {
    static func acc(_ v: Double) -> AccuracySummary { .init(all: v, many: v, medium: v, few: v) }
    static func history(_ id: RunID, _ rows: [(Int, Double, Double)], seconds: Double = 0, boundary: Int? = nil) -> RunHistory {
        RunHistory(id: id, plannedEpochs: rows.last?.0 ?? 0,
                      records: rows.map { EpochRecord(epoch: $0.0, norms: [$0.1], trainLoss: $0.2, accuracy: acc(Double($0.0 + 1))) },
                      accuracy: acc(Double((rows.last?.0 ?? 0) + 1)), seconds: seconds, stage2StartEpoch: boundary)
    }

    @Test func retrainingRowsFollowTheBaseAndTheBoundaryIsItsLastEpoch() {
        let base = Self.history(RunID(.wd), [(0, 1, 9), (1, 2, 8), (2, 3, 7)], seconds: 2)
        let s2 = Self.history(RunID(.wd, .cbWD), [(0, 3, 7), (1, 0.5, 6), (2, 0.4, 5)], seconds: 1, boundary: 0)
        let j = s2.joined(after: base)
        #expect(j.name == "wd>cb+wd" && j.stage2StartEpoch == 2 && j.epochsDone == 4)
        #expect(j.records.map(\.epoch) == [0, 1, 2, 3, 4])
        #expect(j.records.map(\.norms) == [[1], [2], [3], [0.5], [0.4]] && j.records.map(\.trainLoss) == [9, 8, 7, 6, 5])
        #expect(j.records.map(\.accuracy.all) == [1, 2, 3, 2, 3] && j.accuracy.all == 3 && j.seconds == 3)
        let post = Self.history(RunID(.wd, .posthocL2), [(0, 1, 4)], boundary: 0)
        #expect(post.joined(after: base).records.map(\.norms) == [[1], [2], [3], [1]])
        #expect(post.joined(after: base).records.map(\.epoch) == [0, 1, 2, 3])
        #expect(post.isStage2 && !base.isStage2)
    }

    @Test func aThinnedBaseKeepsItsEpochsAndStageTwoFollowsItsLast() {
        var base = RunHistory(id: RunID(.wd), plannedEpochs: 3_000)
        for e in 0...3_000 { base.append(EpochRecord(epoch: e, norms: [Double(e)], trainLoss: 0, accuracy: Self.acc(0))); base.downsampleIfNeeded() }
        let s2 = Self.history(RunID(.wd, .cbWD), (0...1_500).map { ($0, 5_000 + Double($0), 0) }, boundary: 0)
        let j = s2.joined(after: base)
        #expect(j.records.allSatisfy { $0.epoch <= 3_000 ? $0.norms[0] == Double($0.epoch) : $0.norms[0] == 2_000 + Double($0.epoch) })
        #expect(j.epochsDone == 4_500 && j.stage2StartEpoch == 3_000)
        #expect(RunHistory.epochsIncrease(j.records.map(\.epoch)))
    }
}
