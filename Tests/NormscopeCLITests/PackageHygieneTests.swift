// What a newcomer meets around the code: a short README whose links resolve, docs whose links resolve, a
// licence, and no `public` declarations (normscope is a program; see docs/development.md, "Access").
import Foundation
import Testing

@Suite("Package hygiene")
struct PackageHygieneTests {
    /// The text of a file under the repository.
    private func text(_ relative: String) throws -> String {
        try String(contentsOfFile: Paths.repository + "/" + relative, encoding: .utf8)
    }

    /// The Markdown files a reader follows links through: the README, docs/ and datasets/README.md.
    private func markdownFiles() -> [String] {
        let docs = Paths.contents(Paths.repository + "/docs").filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        return ["README.md", "datasets/README.md"] + docs
    }

    /// The relative targets of `[text](target)` and `![alt](target)` links in Markdown, without anchors.
    static func relativeLinks(in markdown: String) -> [String] {
        var links: [String] = []
        var rest = markdown[...]
        while let open = rest.range(of: "](") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { break }
            let target = String(after[..<close]).split(separator: " ").first.map(String.init) ?? ""
            rest = after[close...]
            if target.isEmpty || target.hasPrefix("#") || target.contains("://") || target.hasPrefix("mailto:") { continue }
            links.append(String(target.split(separator: "#", maxSplits: 1).first ?? ""))
        }
        return links
    }

    @Test("the link finder sees relative links and skips web links and anchors")
    func linkFinder() {
        let markdown = "[a](docs/a.md) ![g](x.gif \"t\") [w](https://e.org/y) [s](#top) [b](b.md#part)"
        #expect(Self.relativeLinks(in: markdown) == ["docs/a.md", "x.gif", "b.md"])
    }

    @Test("the README stays within 250 lines and names the licence")
    func readmeIsShort() throws {
        let readme = try text("README.md")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines <= 250, "README.md has \(lines) lines; move detail to docs/")
        #expect(readme.contains("(LICENSE)"))
        #expect(FileManager.default.fileExists(atPath: Paths.repository + "/LICENSE"))
    }

    @Test("every relative link in the README and docs resolves to a file")
    func linksResolve() throws {
        for file in markdownFiles() {
            let folder = (file as NSString).deletingLastPathComponent
            let links = Self.relativeLinks(in: try text(file))
            for link in links {
                let path = (Paths.repository as NSString)
                    .appendingPathComponent((folder as NSString).appendingPathComponent(link))
                #expect(FileManager.default.fileExists(atPath: path), "\(file) links to \(link), which does not exist")
            }
        }
    }

    /// Words that follow an access modifier in a declaration.
    static let declarers: Set<String> = ["class", "func", "var", "let", "init", "subscript", "static", "override", "extension"]

    @Test("no declaration in Sources is public: siblings use package, the rest is internal")
    func noPublicDeclarations() throws {
        let sources = Paths.repository + "/Sources"
        let files = try #require(FileManager.default.subpathsOfDirectory(atPath: sources) as [String]?)
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files {
            let lines = try String(contentsOfFile: sources + "/" + file, encoding: .utf8).split(separator: "\n")
            for (index, line) in lines.enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                let words = code.split(whereSeparator: { !$0.isLetter && $0 != "@" }).map(String.init)
                let openAccess = zip(words, words.dropFirst()).contains { $0 == "open" && Self.declarers.contains($1) }
                #expect(!words.contains("public") && !openAccess,
                        "Sources/\(file):\(index + 1) declares public or open access: use package or internal")
            }
        }
    }

    @Test("tests parse XML only through XMLCheck, which serializes libxml2 for the whole test process")
    func xmlParsingIsSerialized() throws {
        let tests = Paths.repository + "/Tests"
        let files = try FileManager.default.subpathsOfDirectory(atPath: tests)
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("NormscopeTestSupport/") && !$0.hasSuffix("PackageHygieneTests.swift") }
        for file in files {
            let text = try String(contentsOfFile: tests + "/" + file, encoding: .utf8)
            #expect(!text.contains("XMLParser(") && !text.contains("XMLDocument("),
                    "Tests/\(file) parses XML itself: use XMLCheck.problem(in:delegate:)")
        }
    }
}
