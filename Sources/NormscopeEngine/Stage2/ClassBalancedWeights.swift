/// The class-balanced loss's per-class weights from "effective numbers" (Cui et al., CVPR 2019).
enum ClassBalancedWeights {
    /// `w_c = (1 - beta) / (1 - beta^n_c)`, rescaled so the weights sum to the number of classes C, as the
    /// official code does. `beta = 0` gives 1 for every class (plain cross-entropy); as beta approaches 1 the
    /// weights approach inverse class frequency. A class with no training samples is weighted as if it had one
    /// (it never appears as a label, so only the rescaling sees it).
    static func weights(counts: [Int], beta: Double) -> [Double] {
        precondition(beta >= 0 && beta < 1, "beta must be in [0, 1)")
        guard !counts.isEmpty else { return [] }
        let raw = counts.map { n -> Double in
            let effective = 1 - _pow(beta, Double(max(n, 1)))
            return (1 - beta) / effective
        }
        let sum = raw.reduce(0, +)
        return raw.map { $0 / sum * Double(counts.count) }
    }
}
