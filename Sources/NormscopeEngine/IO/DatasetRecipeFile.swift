/// Reads and writes generator recipes as JSON objects with the keys of `DatasetRecipe`.
///
/// Missing keys take the defaults of `DatasetRecipe()`. Unknown keys, duplicate keys, values of the wrong
/// type and values failing `DatasetRecipe.validationErrors()` are errors; every error is a one-line
/// `NormscopeError.badFile("<file>:<line>:<column>: <what> — <how to fix>")` pointing at the key or value
/// (`"<file>: ..."` for problems of the whole file).
package enum DatasetRecipeFile {
    /// Largest recipe file read (1 MB).
    static let maxFileBytes = 1 << 20

    /// The keys of a recipe file, in the order of `DatasetRecipe`'s properties.
    package static let keys = ["name", "classes", "dimension", "maxPerClass", "imbalance", "profile",
                              "testPerClass", "modesPerClass", "latentDimension", "noise", "seed"]

    /// Reads the recipe at `path`.
    package static func load(path: String) throws(NormscopeError) -> DatasetRecipe {
        try parse(bytes: FileBytes.read(path: path, limit: maxFileBytes, what: "recipe JSON"), fileName: path)
    }

    /// Parses recipe JSON text; `fileName` prefixes error messages.
    package static func parse(text: String, fileName: String) throws(NormscopeError) -> DatasetRecipe {
        try parse(bytes: Array(text.utf8), fileName: fileName)
    }

    /// Parses recipe JSON bytes (UTF-8); `fileName` prefixes error messages.
    package static func parse(bytes: [UInt8], fileName: String) throws(NormscopeError) -> DatasetRecipe {
        try bytes.withUnsafeBufferPointer { buffer throws(NormscopeError) in
            try decode(buffer, fileName: fileName)
        }
    }

    /// Writes `recipe` to `path` atomically as pretty JSON with sorted keys; refuses an invalid recipe.
    package static func save(_ recipe: DatasetRecipe, to path: String) throws(NormscopeError) {
        let problems = recipe.validationErrors()
        guard problems.isEmpty else {
            throw .invalidValue("cannot save recipe to \(path): \(problems.map(\.description).joined(separator: "; "))")
        }
        try AtomicFile.write(text: render(recipe), to: path)
    }

    /// `recipe` as pretty JSON, keys sorted, one key per line, ending in a newline.
    package static func render(_ recipe: DatasetRecipe) -> String {
        let entries: [(String, String)] = [
            ("name", jsonString(recipe.name)),
            ("classes", String(recipe.classes)),
            ("dimension", String(recipe.dimension)),
            ("maxPerClass", String(recipe.maxPerClass)),
            ("imbalance", jsonNumber(recipe.imbalance)),
            ("profile", jsonString(recipe.profile.rawValue)),
            ("testPerClass", String(recipe.testPerClass)),
            ("modesPerClass", String(recipe.modesPerClass)),
            ("latentDimension", String(recipe.latentDimension)),
            ("noise", jsonNumber(recipe.noise)),
        ] + (recipe.seed.map { [("seed", String($0))] } ?? [])
        let lines = entries.sorted { $0.0 < $1.0 }.map { "  \(jsonString($0.0)): \($0.1)" }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    // MARK: - Decoding

    /// The error for another of normscope's files (a results file, a reproduce report) with these top-level
    /// keys given as a recipe: what it is and what to do instead; nil for anything else.
    private static func otherFile(keys: [String], fileName: String) -> NormscopeError? {
        guard let kind = NormscopeFileKind.of(jsonKeys: Set(keys)), kind != .recipe else { return nil }
        return .badFile("\(fileName): \(kind.phrase), not a recipe — " + (kind == .results
            ? "draw it with 'normscope figure \(fileName) -o fig.svg'; --dataset takes a recipe or CSV file"
            : "--dataset takes a recipe or CSV file ('normscope dataset -o recipe.json' writes one)"))
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws(NormscopeError)
        -> DatasetRecipe {
        let parser0 = JSONParser(bytes: bytes, fileName: fileName)
        if let (offset, problem) = TextCheck.firstProblem(in: bytes) {
            throw .badFile("\(parser0.position(offset)): not a JSON text file: \(problem.text)"
                + " — save the recipe as UTF-8 JSON")
        }
        // The first byte after a byte order mark and blanks; a file with nothing else is empty.
        var first = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { first = 3 }
        while first < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[first]) { first += 1 }
        guard first < bytes.count else {
            throw .badFile("\(fileName): file is empty — write a JSON object such as {\"classes\": 10}")
        }
        // A recipe is an object: say so before any syntax error deeper in a file that is something else.
        let notObject = " — write { \"classes\": 100, ... } (see datasets/README.md)"
        if bytes[first] != 0x7B {
            let found = bytes[first] >= 0x21 && bytes[first] < 0x7F
                ? "'\(Character(Unicode.Scalar(bytes[first])))'" : "byte 0x\(String(bytes[first], radix: 16))"
            throw .badFile("\(parser0.position(first)): a recipe must be a JSON object starting with {,"
                + " found \(found)\(notObject)")
        }
        var parser = parser0
        let root = try parser.parseDocument()
        guard case .object(let members) = root.value else {
            throw .badFile("\(parser.position(root.offset)): a recipe must be a JSON object, got \(root.value.typeName)"
                + notObject)
        }

        var recipe = DatasetRecipe()
        var seen: [String: Int] = [:]
        for member in members {
            let key = member.key
            let at = parser.position(member.keyOffset)
            guard keys.contains(key) else {
                if let other = otherFile(keys: members.map(\.key), fileName: fileName) { throw other }
                let suggestion = closestKey(to: key).map { "did you mean \"\($0)\"? " } ?? ""
                throw .badFile("\(at): unknown key \(TextCheck.quote(key)) — \(suggestion)"
                    + "valid keys: \(keys.joined(separator: ", "))")
            }
            if seen[key] != nil {
                throw .badFile("\(at): duplicate key \(TextCheck.quote(key)) — give each key once")
            }
            seen[key] = member.value.offset
            let value = member.value.value
            let valueAt = parser.position(member.value.offset)
            switch key {
            case "name": recipe.name = try string(value, key: key, at: valueAt)
            case "classes": recipe.classes = try integer(value, key: key, at: valueAt)
            case "dimension": recipe.dimension = try integer(value, key: key, at: valueAt)
            case "maxPerClass": recipe.maxPerClass = try integer(value, key: key, at: valueAt)
            case "imbalance": recipe.imbalance = try number(value, key: key, at: valueAt)
            case "testPerClass": recipe.testPerClass = try integer(value, key: key, at: valueAt)
            case "modesPerClass": recipe.modesPerClass = try integer(value, key: key, at: valueAt)
            case "latentDimension": recipe.latentDimension = try integer(value, key: key, at: valueAt)
            case "noise": recipe.noise = try number(value, key: key, at: valueAt)
            case "seed": recipe.seed = try seed(value, at: valueAt)
            default:
                let text = try string(value, key: key, at: valueAt, example: "\"exponential\"")
                guard let profile = ImbalanceProfile(rawValue: text) else {
                    let valid = ImbalanceProfile.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                    throw .badFile("\(valueAt): \"profile\" must be \(valid), got \(TextCheck.quote(text))"
                        + " — write one of them (lower case)")
                }
                recipe.profile = profile
            }
        }

        let problems = recipe.validationErrors()
        if let first = problems.first {
            // Point at the value of the first problem's key, when the file gives it.
            let prefix = seen[first.setting.key].map { parser.position($0) } ?? fileName
            let more = problems.count > 1 ? " (also: \(problems.dropFirst().map(\.description).joined(separator: "; ")))" : ""
            throw .badFile("\(prefix): \(first.description)\(more) — change the value in the recipe")
        }
        return recipe
    }

    private static func string(_ value: JSONValue, key: String, at: String,
                               example: String = "\"my-data\"") throws(NormscopeError) -> String {
        guard case .string(let text) = value else {
            throw .badFile("\(at): \"\(key)\" must be a string, got \(value.typeName) — write \"\(key)\": \(example)")
        }
        return text
    }

    private static func integer(_ value: JSONValue, key: String, at: String) throws(NormscopeError) -> Int {
        let fix = " — write a whole number, e.g. \"\(key)\": \(DatasetRecipe.defaultText(key))"
        guard case .number(let text) = value else {
            throw .badFile("\(at): \"\(key)\" must be an integer, got \(value.typeName)\(fix)")
        }
        if let exact = Int(text) { return exact }
        // Accept integral values written as 100.0 or 1e2, within a range Int and Double share exactly.
        if let d = Double(text), d == d.rounded(), abs(d) <= 9.0e15 { return Int(d) }
        throw .badFile("\(at): \"\(key)\" must be an integer, got \(text)\(fix)")
    }

    /// A seed: a whole number from 0 to 2^64-1, written exactly (or as 5.0, 5e0 up to 9e15).
    private static func seed(_ value: JSONValue, at: String) throws(NormscopeError) -> UInt64 {
        let fix = " — write a whole number from 0 to 2^64-1, e.g. \"seed\": 0"
        guard case .number(let text) = value else {
            throw .badFile("\(at): \"seed\" must be an integer, got \(value.typeName)\(fix)")
        }
        if let exact = UInt64(text) { return exact }
        if let d = Double(text), d == d.rounded(), d >= 0, d <= 9.0e15 { return UInt64(d) }
        throw .badFile("\(at): \"seed\" must be between 0 and 2^64-1, got \(text)\(fix)")
    }

    private static func number(_ value: JSONValue, key: String, at: String) throws(NormscopeError) -> Double {
        guard case .number(let text) = value else {
            throw .badFile("\(at): \"\(key)\" must be a number, got \(value.typeName)"
                + " — write e.g. \"\(key)\": \(DatasetRecipe.defaultText(key))")
        }
        guard let d = Double(text), d.isFinite else {
            throw .badFile("\(at): \"\(key)\" is too large: \(text) — write a smaller number")
        }
        return d
    }

    /// The valid key nearest to `key` in edit distance, if close enough to be a likely typo.
    private static func closestKey(to key: String) -> String? {
        let scored = keys.map { ($0, editDistance($0.lowercased(), key.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, best.0.count / 3) else { return nil }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: - Encoding

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A finite Double as JSON: integral values without a fraction, others in shortest round-trip form.
    private static func jsonNumber(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }
}

extension DatasetRecipe {
    /// The default value of a recipe key as JSON text, for examples in messages.
    fileprivate static func defaultText(_ key: String) -> String {
        let d = DatasetRecipe()
        switch key {
        case "classes": return String(d.classes)
        case "dimension": return String(d.dimension)
        case "maxPerClass": return String(d.maxPerClass)
        case "imbalance": return String(Int(d.imbalance))
        case "testPerClass": return String(d.testPerClass)
        case "modesPerClass": return String(d.modesPerClass)
        case "latentDimension": return String(d.latentDimension)
        case "noise": return d.noise.description
        default: return "1"
        }
    }
}
