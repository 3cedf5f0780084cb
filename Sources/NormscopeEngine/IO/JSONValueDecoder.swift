/// A `Decoder` over a parsed `JSONValue`, used to say where a document that `JSONDecoder` refused without a
/// coding path went wrong.
///
/// Foundation's `JSONDecoder` on Linux reports a number that does not fit its field (an epoch of 0.5, a count
/// of 1.5, 1e30 for an `Int`) as "not valid JSON", with no key. Decoding the same type again through this
/// decoder fails at the same field with a `typeMismatch` whose coding path names it and whose description says
/// what was expected and found. Numbers keep their text, so whole numbers are checked exactly. Non-finite
/// floats are read as the strings "inf", "-inf" and "nan", as the results files write them.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    /// Decodes `type` from `bytes` (strict JSON); throws the first decoding error, with its coding path.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let node = try bytes.withUnsafeBufferPointer { b throws(NormscopeError) in
            var parser = JSONParser(bytes: b, fileName: "")
            return try parser.parseDocument()
        }
        return try T(from: JSONValueDecoder(node.value))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw Self.mismatch([String: Any].self, value, codingPath) }
        var dict: [String: JSONValue] = [:]
        for m in members where dict[m.key] == nil { dict[m.key] = m.value.value }
        return KeyedDecodingContainer(Keyed<Key>(members: dict, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw Self.mismatch([Any].self, value, codingPath) }
        return Unkeyed(items: items.map(\.value), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }

    // MARK: - Values

    /// An index in an array, as a coding key.
    struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ i: Int) { intValue = i }
        init?(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    /// The error for `value` where a `type` was expected.
    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey], expected: String? = nil) -> DecodingError {
        let found: String
        if case .number(let text) = value { found = text } else { found = value.typeName }
        let what = expected ?? (type == String.self ? "a string" : type == Bool.self ? "true or false"
                                : type is [Any].Type ? "an array" : type is [String: Any].Type ? "an object" : "\(type)")
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(what), found \(found)"))
    }

    static func decodeValue<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
        func integer<I: FixedWidthInteger>(_: I.Type) throws -> I {
            guard case .number(let text) = value else { throw mismatch(type, value, path, expected: "a whole number") }
            if let v = I(text) { return v }
            // 3.0 and 1e3 are whole numbers too (JSONDecoder takes them); 0.5 is not, nor 1e30 for an Int.
            let d = Double(text) ?? .nan
            if let v = I(exactly: d) { return v }
            throw mismatch(type, value, path, expected: d.rounded() == d ? "a whole number from \(I.min) to \(I.max)" : "a whole number")
        }
        let primitive: Any?
        switch type {
        case is Int.Type: primitive = try integer(Int.self)
        case is Int32.Type: primitive = try integer(Int32.self)
        case is Int64.Type: primitive = try integer(Int64.self)
        case is UInt.Type: primitive = try integer(UInt.self)
        case is UInt32.Type: primitive = try integer(UInt32.self)
        case is UInt64.Type: primitive = try integer(UInt64.self)
        case is Int8.Type: primitive = try integer(Int8.self)
        case is Int16.Type: primitive = try integer(Int16.self)
        case is UInt8.Type: primitive = try integer(UInt8.self)
        case is UInt16.Type: primitive = try integer(UInt16.self)
        case is Double.Type, is Float.Type:
            let d: Double
            switch value {
            case .number(let text): d = Double(text) ?? .nan
            case .string("inf"): d = .infinity
            case .string("-inf"): d = -.infinity
            case .string("nan"): d = .nan
            default: throw mismatch(type, value, path, expected: "a number")
            }
            primitive = type is Float.Type ? Float(d) as Any : d as Any
        case is String.Type:
            guard case .string(let s) = value else { throw mismatch(type, value, path) }
            primitive = s
        case is Bool.Type:
            guard case .bool(let b) = value else { throw mismatch(type, value, path) }
            primitive = b
        default:
            primitive = nil
        }
        if let v = primitive as? T { return v }
        // Every standard primitive is handled above, so this is a type with its own init(from:) (no loop).
        return try T(from: JSONValueDecoder(value, codingPath: path))
    }

    // MARK: - Containers

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: JSONValue]
        let codingPath: [any CodingKey]
        var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

        func value(_ key: Key) throws -> JSONValue {
            guard let v = members[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
            }
            return v
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try value(key) { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoder.decodeValue(type, try value(key), codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoder(try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(try value(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { JSONValueDecoder(.object([]), codingPath: codingPath) }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONValueDecoder(members[key.stringValue] ?? .null, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONValue]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        init(items: [JSONValue], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        mutating func next() throws -> (JSONValue, [any CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the array ends early"))
            }
            defer { currentIndex += 1 }
            return (items[currentIndex], codingPath + [Index(currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, case .null = items[currentIndex] else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (v, path) = try next()
            return try JSONValueDecoder.decodeValue(type, v, path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (v, path) = try next()
            return try JSONValueDecoder(v, codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (v, path) = try next()
            return try JSONValueDecoder(v, codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (v, path) = try next()
            return JSONValueDecoder(v, codingPath: path)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool {
            if case .null = value { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONValueDecoder.decodeValue(type, value, codingPath) }
    }
}
