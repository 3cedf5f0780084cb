import Foundation
import Testing
@testable import NormscopeEngine

/// Batch normalization (`--batchnorm`): PyTorch's `BatchNorm1d` arithmetic in training and evaluation, weight
/// decay on its scale and shift, determinism for any thread count, and stage 2 on a frozen normalized extractor.
/// Gradients are checked against finite differences in `GradientCheckTests`.
@Suite(.serialized)
struct BatchNormTests {
    static let sizes = [5, 16, 11, 4]

    static func network(seed: UInt64 = 3, maxBatch: Int = 12) -> Network {
        var rng = SplitMix64(seed: seed)
        return Network(sizes: sizes, maxBatch: maxBatch, batchNorm: true, rng: &rng)
    }

    static func inputs(_ rows: Int, seed: UInt64 = 4) -> [Float] {
        var rng = SplitMix64(seed: seed)
        return (0..<(rows * sizes[0])).map { _ in rng.nextFloat(bound: 2) }
    }

    /// Layer 0's output, `max(γ x̂ + β, 0)`, in Double from the definition, with the batch mean and biased
    /// variance of the pre-activations (training) or the given running averages (evaluation).
    static func reference(_ net: Network, x: [Float], rows: Int, running: (mean: [Double], variance: [Double])?)
        -> (out: [Double], mean: [Double], variance: [Double]) {
        let p = net.parameters
        let d = sizes[0], h = sizes[1]
        var z = [Double](repeating: 0, count: rows * h)
        for i in 0..<rows { for j in 0..<h {
            var s = Double(p[net.biasOffset[0] + j])
            for q in 0..<d { s += Double(x[i * d + q]) * Double(p[net.weightOffset[0] + q * h + j]) }
            z[i * h + j] = s
        }}
        var mean = [Double](repeating: 0, count: h), variance = [Double](repeating: 0, count: h)
        for j in 0..<h {
            mean[j] = (0..<rows).map { z[$0 * h + j] }.reduce(0, +) / Double(rows)
            variance[j] = (0..<rows).map { (z[$0 * h + j] - mean[j]) * (z[$0 * h + j] - mean[j]) }.reduce(0, +) / Double(rows)
        }
        let (m, v) = running ?? (mean, variance)
        var out = z
        for i in 0..<rows { for j in 0..<h {
            let hat = (z[i * h + j] - m[j]) / (v[j] + 1e-5).squareRoot()
            out[i * h + j] = max(0, Double(p[net.bnScaleOffset[0] + j]) * hat + Double(p[net.bnShiftOffset[0] + j]))
        }}
        return (out, mean, variance)
    }

    /// The network with its scales and shifts moved off 1 and 0.
    static func perturbed(_ net: Network) -> Network {
        var rng = SplitMix64(seed: 12)
        var p = net.parameters
        for (l, g) in net.bnScaleOffset.enumerated() {
            for j in 0..<sizes[l + 1] {
                p[g + j] = 1 + rng.nextFloat(bound: 0.5)
                p[net.bnShiftOffset[l] + j] = rng.nextFloat(bound: 0.5)
            }
        }
        net.parameters = p
        return net
    }

    @Test func trainingNormalizesByTheBatchAndMovesTheRunningAveragesAsPyTorch() {
        let net = Self.perturbed(Self.network())
        let rows = 9, h = Self.sizes[1]
        let x = Self.inputs(rows)
        x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: rows) }
        net.forward(batch: rows, mode: .training)
        let ref = Self.reference(net, x: x, rows: rows, running: nil)
        for k in 0..<(rows * h) { #expect(abs(Double(net.activations[1][k]) - ref.out[k]) < 1e-4) }
        // running = 0.9 running + 0.1 batch, with the unbiased variance; from PyTorch's initial 0 and 1.
        let stats = net.runningStatistics
        for j in 0..<h {
            #expect(abs(Double(stats[j]) - 0.1 * ref.mean[j]) < 1e-5)
            #expect(abs(Double(stats[h + j]) - (0.9 + 0.1 * ref.variance[j] * Double(rows) / Double(rows - 1))) < 1e-5)
        }
    }

    @Test func evaluationUsesTheRunningAveragesAndChangesNothing() {
        let net = Self.perturbed(Self.network())
        let x = Self.inputs(12)
        for _ in 0..<3 {
            x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: 12) }
            net.forward(batch: 12, mode: .training)
        }
        let stats = net.runningStatistics, params = net.parameters
        let h = Self.sizes[1]
        let running = (mean: stats[0..<h].map(Double.init), variance: stats[h..<(2 * h)].map(Double.init))
        x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: 7) }
        net.forward(batch: 7)
        let ref = Self.reference(net, x: Array(x[0..<(7 * Self.sizes[0])]), rows: 7, running: running)
        for k in 0..<(7 * h) { #expect(abs(Double(net.activations[1][k]) - ref.out[k]) < 1e-4) }
        #expect(net.runningStatistics == stats && net.parameters == params)
    }

    @Test func evaluatedFeaturesDoNotDependOnTheBatching() {
        let net = Self.perturbed(Self.network(maxBatch: 12))
        let x = Self.inputs(30)
        x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: 12) }
        net.forward(batch: 12, mode: .training)
        let whole = net.features(of: x, count: 30)
        let small = Self.perturbed(Self.network(maxBatch: 4))
        small.copyState(from: net)
        #expect(small.features(of: x, count: 30) == whole)
    }

    @Test func aBatchOfOneIsItsShiftAndLeavesTheRunningAveragesAlone() {
        let net = Self.perturbed(Self.network())
        let before = net.runningStatistics
        let x = Self.inputs(1)
        x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: 1) }
        net.forward(batch: 1, mode: .training)
        let p = net.parameters
        for j in 0..<Self.sizes[1] { #expect(net.activations[1][j] == max(0, p[net.bnShiftOffset[0] + j])) }
        #expect(net.runningStatistics == before)
        #expect(Vector.allFinite(net.activations[3], count: Self.sizes[3]))
    }

    @Test func weightDecayReachesScaleAndShiftAsInPyTorchSGD() {
        let net = Self.perturbed(Self.network())
        let x = Self.inputs(8)
        x.withUnsafeBufferPointer { net.loadRows(features: $0.baseAddress!, start: 0, batch: 8) }
        net.forward(batch: 8, mode: .training)
        let labels: [Int32] = [0, 1, 2, 3, 0, 1, 2, 3]
        _ = labels.withUnsafeBufferPointer {
            SoftmaxCrossEntropy.lossAndGradient(logits: net.activations[3], labels: $0.baseAddress!, batch: 8,
                                                classes: 4, weights: nil)
        }
        net.backward(batch: 8)
        let w = net.parameters, g = net.gradients
        net.resetMomentum()
        net.sgdStep(range: 0..<net.parameterCount, learningRate: 0.1, momentum: 0.9, weightDecay: 0.05)
        let after = net.parameters
        for l in 0..<2 {
            for k in net.bnScaleOffset[l]..<(net.bnShiftOffset[l] + Self.sizes[l + 1]) {
                let expected = w[k] - 0.1 * (g[k] + 0.05 * w[k])
                #expect(abs(after[k] - expected) <= 1e-6 * max(1, abs(expected)))
            }
        }
        #expect(g[net.bnScaleOffset[0]..<net.weightOffset[1]].contains { $0 != 0 }, "scale and shift get gradients")
    }

    // MARK: - Whole runs

    static let recipe = DeterminismTests.recipe
    static let config: TrainingConfig = {
        var c = DeterminismTests.config
        c.usesBatchNorm = true
        return c
    }()

    func resultsJSON(threads: Int, stage2: Stage2Config? = nil) throws -> Data {
        try Experiment(recipe: Self.recipe, config: Self.config).run(threads: threads, timings: false, stage2: stage2).encoded()
    }

    @Test func resultsAreByteIdenticalForAnyThreadCount() throws {
        let one = try resultsJSON(threads: 1)
        #expect(try resultsJSON(threads: 2) == one)
        #expect(try resultsJSON(threads: 3) == one)
        let s2 = Stage2Config(epochs: 2)
        #expect(try resultsJSON(threads: 1, stage2: s2) == resultsJSON(threads: 3, stage2: s2))
    }

    @Test func theSettingIsRecordedOnlyWhenOn() throws {
        let on = try JSONSerialization.jsonObject(with: resultsJSON(threads: 2)) as? [String: Any]
        let training = (on?["config"] as? [String: Any])?["training"] as? [String: Any]
        #expect(training?["batchNorm"] as? Bool == true)
        let off = try Experiment(recipe: Self.recipe, config: DeterminismTests.config).run(threads: 2, timings: false).encoded()
        #expect(!String(decoding: off, as: UTF8.self).contains("batchNorm"), "files without it keep their bytes")
        let decoded = try JSONDecoder().decode(ResultsFile.self, from: resultsJSON(threads: 2))
        #expect(decoded.config.training.usesBatchNorm)
        #expect(try JSONDecoder().decode(ResultsFile.self, from: off).config.training.usesBatchNorm == false)
    }

    @Test func batchNormChangesTraining() throws {
        let on = try JSONDecoder().decode(ResultsFile.self, from: resultsJSON(threads: 2))
        let off = Experiment(recipe: Self.recipe, config: DeterminismTests.config).run(threads: 2, timings: false)
        #expect(on.runs[0].records[0].norms == off.runs[0].records[0].norms, "the same initial classifier")
        #expect(on.runs[0].finalNorms != off.runs[0].finalNorms)
        for r in on.runs { #expect(r.diverged == nil) }
    }

    // MARK: - Stage 2 on a normalized extractor

    @Test func stageTwoLeavesTheExtractorAndItsRunningAveragesBitIdentical() {
        let data = TrainingData(SyntheticGenerator.generate(Self.recipe, seed: Self.config.seed))
        let base = RegimeTrainer(regime: .wd, config: Self.config, data: data)
        while !base.isFinished { base.runEpoch() }
        let net = base.network
        let params = net.parameters, stats = net.runningStatistics
        #expect(stats.contains { $0 != 0 && $0 != 1 }, "stage 1 moved the running averages")
        let cont = Stage2.continuation(after: base, config: Stage2Config(epochs: 3))
        for t in cont.trainers { while !t.isFinished { t.runEpoch() } }
        #expect(net.parameters == params && net.runningStatistics == stats, "stage 2 only reads the base")

        // The frozen full network, retrained classifier-only on the raw data, normalizes by its running
        // averages: it gives the same classifier as the head trained on the precomputed features.
        var rng = SplitMix64(seed: 0)
        let copy = Network(sizes: net.sizes, maxBatch: net.maxBatch, batchNorm: true, rng: &rng)
        copy.copyState(from: net)
        let plan = Stage2.plan(.cbWDMaxNorm, base: .wd, config: Stage2Config(epochs: 3), classCounts: data.classCounts,
                               batchSize: Self.config.batchSize, seed: Self.config.seed)
        let full = RegimeTrainer(plan: plan, data: data, network: copy)
        while !full.isFinished { full.runEpoch() }
        let cut = copy.classifierRange.lowerBound
        #expect(Array(copy.parameters[..<cut]) == Array(params[..<cut]))
        #expect(copy.runningStatistics == stats)
        let head = cont.trainers.last!
        #expect(head.plan.id == plan.id)
        for (a, b) in zip(copy.parameters[cut...], head.network.parameters) { #expect(abs(a - b) <= 1e-5 * max(1, abs(a))) }
        #expect(full.history.classAccuracy == head.history.classAccuracy)

        // The assembled model (extractor, running averages, retrained head) scores what stage 2 recorded.
        let assembled = net.replacingClassifier(with: head.network)
        #expect(assembled.runningStatistics == stats)
        var predictions = [Int32](repeating: 0, count: assembled.maxBatch)
        #expect(data.classEvaluation(of: assembled, predictions: &predictions).accuracy == head.history.classAccuracy)
    }
}
