import NormscopeEngine

/// What a flag takes: a whole number or a number in a range, one of a few words, or a list of whole numbers.
package enum FlagValueKind: Equatable, Sendable {
    /// A whole number in digits within the range.
    case wholeNumber(ValueRange)
    /// A number (decimal or exponent form) within the range.
    case number(ValueRange)
    /// One of these words.
    case choice([String])
    /// Comma-separated whole numbers, each within the range (`--hidden 128,128,64`).
    case wholeNumbers(ValueRange)

    /// The numbers allowed (for a list, each entry's); nil for a choice.
    package var range: ValueRange? {
        switch self {
        case .wholeNumber(let r), .number(let r), .wholeNumbers(let r): r
        case .choice: nil
        }
    }

    /// What a value must be, as a missing value's message says it: "a whole number between 1 and 1000000",
    /// "a number in (0, 10]", "one of 'step', 'epoch'", "comma-separated whole numbers, each between 1 and 4096".
    package var valuePhrase: String {
        switch self {
        case .wholeNumber(let r): "a whole number \(r.phrase)"
        case .number(let r): "a number \(r.phrase)"
        case .choice(let words): "one of \(words.map { "'\($0)'" }.joined(separator: ", "))"
        case .wholeNumbers(let r): "comma-separated whole numbers, each \(r.phrase)"
        }
    }

    /// The allowed values as the help states them: "between 1 and 1000000", "in (0, 10]", "step or epoch",
    /// "each between 1 and 4096".
    package var helpPhrase: String {
        switch self {
        case .wholeNumber(let r), .number(let r): r.phrase
        case .choice(let words): words.count <= 2 ? words.joined(separator: " or ")
            : words.dropLast().joined(separator: ", ") + " or " + words.last!
        case .wholeNumbers(let r): "each \(r.phrase)"
        }
    }
}
