import Foundation
import NormscopeEngine
import Testing

/// The inputs on which the coverage-guided fuzzers (Fuzz/run.sh) found a crash, byte for byte: each must give
/// the one-line message a user would see instead.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    /// The `.badFile` message of parsing `bytes` as a recipe, or what happened instead.
    static func recipeMessage(_ bytes: [UInt8]) -> String {
        do {
            _ = try DatasetRecipeFile.parse(bytes: bytes, fileName: "r.json")
            return "no error"
        } catch {
            if case .badFile(let message) = error { return message }
            return "unexpected error \(error)"
        }
    }

    /// Recipe harness: a file holding only a UTF-8 byte order mark (libFuzzer's `77u/`), or one followed by
    /// blank lines, read one byte past the end of the file (an AddressSanitizer heap-buffer-overflow; without
    /// the sanitizer, a message about whatever byte followed in memory).
    @Test("a recipe of only a byte order mark and blanks is empty", arguments: [
        [0xEF, 0xBB, 0xBF],
        [0xEF, 0xBB, 0xBF, 0x0A, 0x0A],
        [0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x20, 0x09, 0x0D, 0x0A],
    ] as [[UInt8]])
    func recipeOfOnlyByteOrderMark(bytes: [UInt8]) {
        #expect(Self.recipeMessage(bytes) == "r.json: file is empty — write a JSON object such as {\"classes\": 10}")
    }
}
