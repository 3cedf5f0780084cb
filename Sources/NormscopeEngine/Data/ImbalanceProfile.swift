/// How training counts fall off from the most to the least frequent class.
package enum ImbalanceProfile: String, Codable, CaseIterable, Sendable {
    /// `n_i = floor(n_max * (1/IF)^(i/(C-1)))`, as CIFAR100-LT.
    case exponential
    /// The first C/2 classes get n_max, the rest floor(n_max/IF).
    case step

    /// Training samples per class, most frequent first.
    package func counts(classes: Int, maxPerClass: Int, imbalance: Double) -> [Int] {
        precondition(classes >= 1 && maxPerClass >= 1 && imbalance >= 1)
        switch self {
        case .exponential:
            if classes == 1 { return [maxPerClass] }
            return (0..<classes).map { i in
                let ratio = _pow(1 / imbalance, Double(i) / Double(classes - 1))
                return max(1, Int((Double(maxPerClass) * ratio + 1e-9).rounded(.down)))
            }
        case .step:
            let tail = max(1, Int((Double(maxPerClass) / imbalance + 1e-9).rounded(.down)))
            return (0..<classes).map { $0 < classes / 2 ? maxPerClass : tail }
        }
    }
}
