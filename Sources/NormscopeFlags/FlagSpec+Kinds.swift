import NormscopeEngine

extension FlagSpec where Value: FixedWidthInteger {
    /// A whole-number flag in `range`: digits only ("1e3" and "2.5" are refused as not whole numbers in
    /// digits); digits outside the range, or past what the type holds (-1 for a seed, 2^64), as out of range.
    package static func whole(_ flag: String, _ summary: String, range: ValueRange, default defaultText: String? = nil,
                              note: String? = nil, steps: [Value] = []) -> FlagSpec {
        FlagSpec(flag: flag, summary: summary, kind: .wholeNumber(range), defaultText: defaultText, note: note,
                 steps: steps) { text throws(FlagValueError) in
            try NumberText.whole(text, flag: flag, range: range)
        }
    }
}

extension FlagSpec where Value == Double {
    /// A number flag in `range`, in any form `Double` reads ("0.5", "5e-3", "inf" and "nan", which no
    /// range holds).
    package static func number(_ flag: String, _ summary: String, range: ValueRange, default defaultText: String? = nil,
                               note: String? = nil, steps: [Double] = []) -> FlagSpec {
        FlagSpec(flag: flag, summary: summary, kind: .number(range), defaultText: defaultText, note: note,
                 steps: steps) { text throws(FlagValueError) in
            try NumberText.number(text, flag: flag, range: range)
        }
    }
}

extension FlagSpec where Value == [Int] {
    /// Comma-separated whole numbers, each in `range`, repeats allowed (`--hidden 128,128,64`).
    package static func wholeNumbers(_ flag: String, _ summary: String, range: ValueRange, example: String,
                                     default defaultText: String? = nil, steps: [[Int]] = []) -> FlagSpec {
        FlagSpec(flag: flag, summary: summary, kind: .wholeNumbers(range), defaultText: defaultText, steps: steps,
                 spell: { $0.map(String.init).joined(separator: ",") }) { text throws(FlagValueError) in
            let entries = text.split(separator: ",", omittingEmptySubsequences: false)
            let widths = entries.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard widths.count == entries.count, !widths.isEmpty, widths.allSatisfy(range.contains) else {
                throw FlagValueError(flag: flag, message: "\(flag) needs comma-separated widths \(range.phrase), such as \(example) (got '\(text)')")
            }
            return widths
        }
    }
}

extension FlagSpec where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of the type's cases, by its raw value.
    package static func choice(_ flag: String, _ summary: String, default defaultText: String? = nil,
                               note: String? = nil) -> FlagSpec {
        let words = Value.allCases.map(\.rawValue)
        return FlagSpec(flag: flag, summary: summary, kind: .choice(words), defaultText: defaultText, note: note,
                        steps: Array(Value.allCases), spell: \.rawValue) { text throws(FlagValueError) in
            guard let value = Value(rawValue: text) else {
                throw FlagValueError(flag: flag, message: "\(flag) must be one of \(words.map { "'\($0)'" }.joined(separator: ", ")) (got '\(text)')")
            }
            return value
        }
    }
}

/// Numbers read from a flag's text, refused in the table's words.
enum NumberText {
    /// `text` as a whole number of `T` in `range`.
    static func whole<T: FixedWidthInteger>(_ text: String, flag: String, range: ValueRange) throws(FlagValueError) -> T {
        if let value = T(text) {
            guard range.contains(Double(value)) else {
                throw FlagValueError(flag: flag, message: "\(flag) must be \(range.phrase) (got \(value))")
            }
            return value
        }
        // Digits that the type cannot hold (-1 for an unsigned seed, 2^64) are a number out of range.
        if text.wholeMatch(of: /[+-]?[0-9]+/) != nil {
            throw FlagValueError(flag: flag, message: "\(flag) must be \(range.phrase) (got \(text))")
        }
        throw FlagValueError(flag: flag, message: "\(flag) needs a whole number \(range.phrase), in digits (got '\(text)')")
    }

    /// `text` as a number in `range`; a positive value too small for single precision says so.
    static func number(_ text: String, flag: String, range: ValueRange) throws(FlagValueError) -> Double {
        guard let value = Double(text) else {
            throw FlagValueError(flag: flag, message: "\(flag) needs a number \(range.phrase) (got '\(text)')")
        }
        guard range.contains(value) else {
            let tiny = range.underflows(value) ? ", too small to tell from 0" : ""
            throw FlagValueError(flag: flag, message: "\(flag) must be \(range.phrase) (got \(value)\(tiny))")
        }
        return value
    }
}
