#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NormscopeEngine

/// Where `reproduce -o PATH` writes the table: a Markdown and a JSON file, or the JSON on standard output.
///
/// `PATH` gives `PATH.md` and `PATH.json` (a `.md` or `.json` ending is replaced); an existing directory,
/// or a path ending in `/`, gives `reproduce.md` and `reproduce.json` inside it; `-` writes the JSON to
/// standard output (the Markdown table then goes to stderr). Both files are checked before any training.
enum ReproduceOutput {
    /// The Markdown and JSON files.
    case files(markdown: OutputTarget, json: OutputTarget)
    /// The JSON on standard output.
    case standardOutput(OutputTarget)

    /// Name of the files written inside a directory given as `-o`.
    static let nameInDirectory = "reproduce"

    /// The targets `output` names, checked (see `OutputTarget.check`); throws `writeFailed`.
    static func check(_ output: String, inputs: [OutputTarget.Input], force: Bool = false) throws(NormscopeError) -> ReproduceOutput {
        let consequence = "nothing was trained"
        if output == "-" || OutputTarget.standardOutputNames.contains(output) {
            return .standardOutput(try OutputTarget.check(output, inputs: inputs, force: force, consequence: consequence))
        }
        // `-o /dev/null` must not become /dev/null.md: the path itself is refused when it is a special file.
        var info = stat()
        if stat(output, &info) == 0, case let kind = FileKind(mode: info.st_mode), kind != .directory && kind != .regular {
            throw .writeFailed("cannot write \(output): it is \(kind.phrase), not a directory or a regular file; \(consequence)"
                + " — give --output a path for PATH.md and PATH.json, a directory, or - for standard output")
        }
        let paths = markdownAndJSONPaths(output)
        let markdown = try OutputTarget.check(paths.markdown, inputs: inputs, force: force, consequence: consequence)
        let json = try OutputTarget.check(paths.json, inputs: inputs + [.init(name: "the Markdown output \(paths.markdown)", path: paths.markdown)],
                                          force: force, consequence: consequence)
        if let m = markdown.canonicalPath, m == json.canonicalPath {
            throw .writeFailed("cannot write \(paths.json): it is the same file as \(paths.markdown) (links); \(consequence) — pick another --output")
        }
        return .files(markdown: markdown, json: json)
    }

    /// The Markdown and JSON paths of `output`: inside it when it is a directory (or ends in `/`), else
    /// `ReproduceCommand.outputPaths`.
    static func markdownAndJSONPaths(_ output: String) -> (markdown: String, json: String) {
        var info = stat()
        let isDirectory = stat(output, &info) == 0 && FileKind(mode: info.st_mode) == .directory
        guard isDirectory || output.hasSuffix("/") else { return ReproduceCommand.outputPaths(output) }
        var directory = output
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        return ReproduceCommand.outputPaths((directory == "/" ? "" : directory) + "/" + nameInDirectory)
    }
}
