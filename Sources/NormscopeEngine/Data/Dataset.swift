/// A labelled data set in memory: training and test features as float32, classes ordered most frequent first.
///
/// Class index 0 is always the class with the most training samples (ties keep the original label order);
/// `labels[k]` is the original label of class index k, as found in a CSV file or generated.
package struct Dataset: Sendable, Equatable {
    /// Name shown in the TUI and results (recipe name or file name).
    package var name: String
    /// Number of features per sample.
    package let dimension: Int
    /// Number of classes.
    package let classCount: Int
    /// Training features, row-major, `trainCount * dimension`.
    package let trainFeatures: [Float]
    /// Training labels as class indices (most frequent first).
    package let trainLabels: [Int32]
    /// Test features, row-major.
    package let testFeatures: [Float]
    /// Test labels as class indices.
    package let testLabels: [Int32]
    /// Original label of each class index.
    package let labels: [Int]

    /// Builds a data set from samples with arbitrary integer labels, reordering classes most frequent first.
    ///
    /// - Precondition: features counts match `dimension`; callers (generator, CSV reader) validate first.
    package init(name: String, dimension: Int, trainFeatures: [Float], trainLabels: [Int],
                testFeatures: [Float], testLabels: [Int]) {
        precondition(trainFeatures.count == trainLabels.count * dimension)
        precondition(testFeatures.count == testLabels.count * dimension)
        let distinct = Set(trainLabels).union(testLabels).sorted()
        var counts: [Int: Int] = [:]
        for l in trainLabels { counts[l, default: 0] += 1 }
        let ordered = distinct.enumerated().sorted { a, b in
            let ca = counts[a.element] ?? 0, cb = counts[b.element] ?? 0
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
        var index: [Int: Int32] = [:]
        for (k, l) in ordered.enumerated() { index[l] = Int32(k) }
        self.name = name
        self.dimension = dimension
        self.classCount = ordered.count
        self.labels = ordered
        self.trainFeatures = trainFeatures
        self.trainLabels = trainLabels.map { index[$0]! }
        self.testFeatures = testFeatures
        self.testLabels = testLabels.map { index[$0]! }
    }

    /// Number of training samples.
    package var trainCount: Int { trainLabels.count }
    /// Number of test samples.
    package var testCount: Int { testLabels.count }

    /// Training samples per class index (most frequent first).
    package var classCounts: [Int] {
        var c = Array(repeating: 0, count: classCount)
        for l in trainLabels { c[Int(l)] += 1 }
        return c
    }

    /// Test samples per class index.
    package var testClassCounts: [Int] {
        var c = Array(repeating: 0, count: classCount)
        for l in testLabels { c[Int(l)] += 1 }
        return c
    }

    /// The Many/Medium/Few group of each class index.
    var classGroups: [ClassGroup] { classCounts.map(ClassGroup.init(trainingCount:)) }
}
