import Foundation
import NormscopeEngine

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "normscope-io-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    func contents() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The `.badFile` message of parsing `text` as CSV, or a description of what happened instead.
func csvError(_ text: String, fileName: String = "d.csv") -> String {
    csvError(bytes: Array(text.utf8), fileName: fileName)
}

func csvError(bytes: [UInt8], fileName: String = "d.csv") -> String {
    do {
        _ = try DatasetCSV.parse(bytes: bytes, fileName: fileName)
        return "no error"
    } catch {
        if case .badFile(let message) = error { return message }
        return "unexpected error \(error)"
    }
}

/// The `.badFile` message of parsing `text` as a recipe, or a description of what happened instead.
func recipeError(_ text: String, fileName: String = "r.json") -> String {
    do {
        _ = try DatasetRecipeFile.parse(text: text, fileName: fileName)
        return "no error"
    } catch {
        if case .badFile(let message) = error { return message }
        return "unexpected error \(error)"
    }
}

/// The message of any `NormscopeError` thrown by `body`, or "no error".
func errorMessage(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch let error as NormscopeError {
        return error.description
    } catch {
        return "unexpected error \(error)"
    }
}

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
