/// A data set prepared for training: contiguous float buffers, class groups, and evaluation helpers.
package final class TrainingData: Sendable {
    /// Batch size used for evaluation passes.
    package static let evaluationBatch = 256

    package let name: String
    package let dimension: Int
    package let classCount: Int
    let trainFeatures: [Float]
    let trainLabels: [Int32]
    let testFeatures: [Float]
    let testLabels: [Int32]
    /// Training samples per class (most frequent first).
    package let classCounts: [Int]
    /// Test samples per class (the test set is balanced for generated data, not necessarily for a CSV file).
    package let testCounts: [Int]
    /// Many/Medium/Few group of each class.
    package let groups: [ClassGroup]
    /// Original label of each class index.
    package let labels: [Int]

    package init(_ dataset: Dataset) {
        name = dataset.name
        dimension = dataset.dimension
        classCount = dataset.classCount
        trainFeatures = dataset.trainFeatures
        trainLabels = dataset.trainLabels
        testFeatures = dataset.testFeatures
        testLabels = dataset.testLabels
        classCounts = dataset.classCounts
        testCounts = dataset.testClassCounts
        groups = dataset.classGroups
        labels = dataset.labels
    }

    package var trainCount: Int { trainLabels.count }
    package var testCount: Int { testLabels.count }

    /// Per-class test accuracy in percent (a class with no test samples reports 0) and, per class, how many
    /// test samples `net` predicts as it (summing to `testCount`): one pass over the test set.
    func classEvaluation(of net: Network, predictions: inout [Int32]) -> ClassEvaluation {
        var correct = [Int](repeating: 0, count: classCount)
        var predicted = [Int](repeating: 0, count: classCount)
        let chunk = net.maxBatch
        testFeatures.withUnsafeBufferPointer { x in
            var s = 0
            while s < testCount {
                let b = min(chunk, testCount - s)
                net.loadRows(features: x.baseAddress!, start: s, batch: b)
                net.forward(batch: b)
                net.predictions(batch: b, into: &predictions)
                for i in 0..<b {
                    let y = Int(testLabels[s + i]), p = Int(predictions[i])
                    predicted[p] += 1
                    if p == y { correct[y] += 1 }
                }
                s += b
            }
        }
        let accuracy = (0..<classCount).map {
            testCounts[$0] == 0 ? 0 : 100 * Double(correct[$0]) / Double(testCounts[$0])
        }
        return ClassEvaluation(accuracy: accuracy, predictionCounts: predicted)
    }

    /// Mean cross-entropy of `net` on the training set (no gradient).
    func trainLoss(of net: Network) -> Double {
        let chunk = net.maxBatch
        var sum = 0.0
        trainFeatures.withUnsafeBufferPointer { x in
        trainLabels.withUnsafeBufferPointer { y in
            var s = 0
            while s < trainCount {
                let b = min(chunk, trainCount - s)
                net.loadRows(features: x.baseAddress!, start: s, batch: b)
                net.forward(batch: b)
                sum += SoftmaxCrossEntropy.loss(logits: net.activations[net.layerCount], labels: y.baseAddress! + s,
                                                batch: b, classes: net.classCount)
                s += b
            }
        }}
        return sum / Double(max(1, trainCount))
    }
}
