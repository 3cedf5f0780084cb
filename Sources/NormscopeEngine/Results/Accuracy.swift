/// Test accuracy in percent overall and for the paper's Many / Medium / Few groups.
package struct AccuracySummary: Codable, Equatable, Sendable {
    package var all: Double
    package var many: Double
    package var medium: Double
    package var few: Double

    package init(all: Double, many: Double, medium: Double, few: Double) {
        self.all = all
        self.many = many
        self.medium = medium
        self.few = few
    }

    /// Summarises per-class accuracies (percent) over the classes' groups; an empty group reports 0.
    /// `all` is the mean over classes (the test set is balanced, so it equals sample accuracy there).
    package init(classAccuracy: [Double], groups: [ClassGroup]) {
        func mean(_ g: ClassGroup?) -> Double {
            let v = zip(classAccuracy, groups).filter { g == nil || $0.1 == g }.map(\.0)
            return v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count)
        }
        self.init(all: mean(nil), many: mean(.many), medium: mean(.medium), few: mean(.few))
    }
}
