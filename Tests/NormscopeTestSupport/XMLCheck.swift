import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XML parsing for the tests: one document at a time in the whole test process.
///
/// On Linux, FoundationXML's `XMLParser` is libxml2, whose global state is not thread-safe, and Swift Testing
/// runs tests in parallel: two parses at once crashed the test process now and then (SIGSEGV in a full run,
/// never in a filtered one). Every test that parses XML goes through here.
package enum XMLCheck {
    private static let lock = NSLock()

    /// Nil when `text` is well-formed XML, else the parser's error; `delegate` (if any) sees the document.
    package static func problem(in text: String, delegate: XMLParserDelegate? = nil) -> String? {
        lock.lock()
        defer { lock.unlock() }
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        return parser.parse() ? nil : String(describing: parser.parserError)
    }
}
