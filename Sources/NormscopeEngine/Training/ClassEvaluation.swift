/// What one evaluation pass measures per class: test accuracy and where the test predictions go.
struct ClassEvaluation: Equatable, Sendable {
    /// Test accuracy of each class in percent (0 for a class without test samples), most frequent class first.
    var accuracy: [Double]
    /// How many test samples are predicted as each class; sums to the test set's size.
    var predictionCounts: [Int]
}
