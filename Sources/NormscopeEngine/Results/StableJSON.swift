import Foundation

/// The one way normscope writes JSON files: pretty-printed, keys sorted, non-finite numbers as strings,
/// a final newline, so equal values always give equal bytes.
enum StableJSON {
    /// The bytes of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
