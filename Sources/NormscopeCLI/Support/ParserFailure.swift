import NormscopeFlags

/// Why ArgumentParser refused a command line, as data: read from the error value it throws, never from its
/// English text, so that a rewording in the library cannot change what normscope says.
///
/// A value refused by a flag table row carries the row's `FlagValueError` inside the library's error (as the
/// transform's error); the other failures are the cases of ArgumentParser's `ParserError`, an internal type, read
/// through `Mirror` by case name. A failure of another shape, or in another layout, gives nil: the caller then
/// shows the library's own message (a test pins every case, so such a change is seen).
enum ParserFailure: Equatable {
    /// A value the flag table refused, with its message.
    case badValue(FlagValueError)
    /// A value ArgumentParser could not read for an option outside the table (a word not among its choices).
    case invalidValue(flag: String, value: String)
    /// An option given last, without its value.
    case missingValue(flag: String)
    /// An option the command does not take.
    case unknownOption(flag: String)
    /// Words that are no option and no value.
    case unexpected([String])
    /// A required argument not given, as ArgumentParser keys it (its property's name).
    case missingArgument(key: String)

    init?(_ error: Error) {
        if let own = Self.first(FlagValueError.self, in: error, depth: 8) {
            self = .badValue(own)
            return
        }
        guard let parserError = Self.children(error).first(where: { $0.label == "parserError" })?.value,
              let failure = Self.children(parserError).first, let name = failure.label else { return nil }
        let payload = Self.children(failure.value)
        switch name {
        case "unableToParseValue" where payload.count >= 3:
            guard let flag = Self.flag(payload[1].value), let value = payload[2].value as? String else { return nil }
            self = .invalidValue(flag: flag, value: value)
        case "missingValueForOption", "unknownOption":
            guard let flag = payload.last.flatMap({ Self.flag($0.value) }) else { return nil }
            self = name == "unknownOption" ? .unknownOption(flag: flag) : .missingValue(flag: flag)
        case "unexpectedExtraValues":
            let values = Self.children(failure.value).compactMap { Self.children($0.value).last?.value as? String }
            guard !values.isEmpty else { return nil }
            self = .unexpected(values)
        case "noValue":
            guard let key = Self.first(labelled: "name", in: failure.value, depth: 3) as? String else { return nil }
            self = .missingArgument(key: key)
        default:
            return nil
        }
    }

    // MARK: - Reading values

    /// The labelled children of `value` (a struct's properties, an enum case with its payload, a tuple's
    /// elements, an optional's wrapped value, an array's elements).
    static func children(_ value: Any) -> [(label: String?, value: Any)] {
        Mirror(reflecting: value).children.map { ($0.label, $0.value) }
    }

    /// The first value of type `T` in `value` or its children, up to `depth` levels down.
    static func first<T>(_ type: T.Type, in value: Any, depth: Int) -> T? {
        if let found = value as? T { return found }
        guard depth > 0 else { return nil }
        for child in children(value) {
            if let found = first(type, in: child.value, depth: depth - 1) { return found }
        }
        return nil
    }

    /// The first child labelled `label` in `value` or its children, up to `depth` levels down.
    static func first(labelled label: String, in value: Any, depth: Int) -> Any? {
        for child in children(value) where child.label == label { return child.value }
        guard depth > 0 else { return nil }
        for child in children(value) {
            if let found = first(labelled: label, in: child.value, depth: depth - 1) { return found }
        }
        return nil
    }

    /// An option's name as typed, from ArgumentParser's `Name` (`.long("epochs")` is `--epochs`), or from an
    /// optional holding one.
    static func flag(_ name: Any) -> String? {
        guard let child = children(name).first else { return nil }
        switch child.label {
        case "some": return flag(child.value)
        case "long": return (child.value as? String).map { "--" + $0 }
        case "longWithSingleDash": return (child.value as? String).map { "-" + $0 }
        case "short": return first(Character.self, in: child.value, depth: 2).map { "-" + String($0) }
        default: return nil
        }
    }
}
