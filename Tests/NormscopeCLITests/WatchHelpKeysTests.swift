import Foundation
import Testing
@testable import NormscopeDraw

/// `normscope watch --help` lists the live view's keys: every key of the view's own help (the settings panel
/// and the class cursor were missing).
@Suite("watch --help keys")
struct WatchHelpKeysTests {
    @Test("the help's Keys line names every key of the live view")
    func namesEveryKey() async throws {
        let r = try await Child.normscope(["watch", "--help"])
        #expect(r.status == 0, "\(r)")
        // ArgumentParser wraps the discussion: compare with the whitespace folded.
        let text = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for k in KeyHelp.standard {
            let key = k.key.replacingOccurrences(of: " / ", with: "/").replacingOccurrences(of: " ", with: "/")
            let named = k.hint.map { "\(key) \($0)" } ?? key
            #expect(text.contains(named), "\(named) missing from: \(text.prefix(400))")
        }
    }
}
