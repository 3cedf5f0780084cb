/// How far one epoch's test predictions lean toward the head classes: each group's share of the predictions
/// against its share of the test set.
///
/// How to read it: a classifier without bias toward any group predicts each group as often as it occurs, so
/// `manyPredictionShare == manyTestShare` and `manyRatio == 1`. Under naive long-tailed training the frequent
/// classes' longer classifier rows win more arg-maxes: `manyRatio` rises above 1 (1.5 = the Many classes
/// receive half again as many predictions as they have test samples) and `fewRatio` falls below 1 (0 = no
/// test sample is predicted as a Few class). Shares are fractions in 0...1 of the test set's samples.
package struct PredictionSkew: Equatable, Sendable {
    /// Fraction of all test predictions that go to Many classes.
    package var manyPredictionShare: Double
    /// Fraction of the test samples whose true class is a Many class.
    package var manyTestShare: Double
    /// Fraction of all test predictions that go to Few classes.
    package var fewPredictionShare: Double
    /// Fraction of the test samples whose true class is a Few class.
    package var fewTestShare: Double

    /// The skew of `predictionCounts` on a test set of `testCounts` samples per class in `groups`; nil when
    /// the three lists differ in length or there are no test samples (nothing to compare).
    package init?(predictionCounts: [Int], testCounts: [Int], groups: [ClassGroup]) {
        guard predictionCounts.count == testCounts.count, testCounts.count == groups.count else { return nil }
        let total = testCounts.reduce(0, +), predicted = predictionCounts.reduce(0, +)
        guard total > 0, predicted > 0 else { return nil }
        func share(_ counts: [Int], _ g: ClassGroup, of n: Int) -> Double {
            Double(zip(counts, groups).filter { $0.1 == g }.reduce(0) { $0 + $1.0 }) / Double(n)
        }
        manyPredictionShare = share(predictionCounts, .many, of: predicted)
        manyTestShare = share(testCounts, .many, of: total)
        fewPredictionShare = share(predictionCounts, .few, of: predicted)
        fewTestShare = share(testCounts, .few, of: total)
    }

    /// Predictions per test sample for the Many classes: 1 is unbiased, above 1 leans to the head (nil when
    /// there are no Many classes in the test set).
    package var manyRatio: Double? { manyTestShare > 0 ? manyPredictionShare / manyTestShare : nil }

    /// Predictions per test sample for the Few classes: 1 is unbiased, below 1 starves the tail (nil when
    /// there are no Few classes in the test set).
    package var fewRatio: Double? { fewTestShare > 0 ? fewPredictionShare / fewTestShare : nil }
}

extension EpochRecord {
    /// The skew of this epoch's predictions on a test set of `testCounts` per class in `groups` (nil when the
    /// record has no prediction counts, as in older results files).
    func predictionSkew(testCounts: [Int], groups: [ClassGroup]) -> PredictionSkew? {
        PredictionSkew(predictionCounts: predictionCounts, testCounts: testCounts, groups: groups)
    }
}
