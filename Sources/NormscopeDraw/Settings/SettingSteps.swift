/// Stepping a value through a row's sensible values.
enum SettingSteps {
    /// The step `by` places from `value` (-1: the one before, +1: the one after), clamped at the ends; a value
    /// between steps goes to the neighbouring step; nil without steps.
    static func next(from value: String, steps: [String], by: Int) -> String? {
        guard !steps.isEmpty else { return nil }
        if let i = steps.firstIndex(of: value) {
            return steps[min(steps.count - 1, max(0, i + by))]
        }
        if let v = Double(value) {
            let numbers = steps.map { Double($0) }
            if by > 0, let i = numbers.firstIndex(where: { ($0 ?? -.infinity) > v }) { return steps[i] }
            if by < 0, let i = numbers.lastIndex(where: { ($0 ?? .infinity) < v }) { return steps[i] }
            return by > 0 ? steps.last : steps.first
        }
        return by > 0 ? steps.first : steps.last
    }
}
