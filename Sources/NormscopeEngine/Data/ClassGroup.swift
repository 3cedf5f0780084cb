/// The paper's reporting groups, by number of training samples of a class.
package enum ClassGroup: String, CaseIterable, Codable, Sendable {
    /// More than 100 training samples.
    case many
    /// 20 to 100 training samples.
    case medium
    /// Fewer than 20 training samples.
    case few

    /// The group of a class with `count` training samples.
    package init(trainingCount count: Int) {
        if count > 100 { self = .many } else if count >= 20 { self = .medium } else { self = .few }
    }
}
