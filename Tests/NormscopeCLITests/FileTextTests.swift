import Foundation
import NormscopeEngine
import NormscopeTestSupport
import Testing

/// Text taken from files (a recipe's name, a path) reaches stderr, stdout, the live view and the SVG escaped:
/// no control byte reaches the terminal and the SVG stays well-formed XML. Through the real binary.
@Suite("text from files", .ownThread)
struct FileTextTests {
    /// A recipe name holding ESC (a colour sequence), BEL, a newline, XML specials, a CDATA end and a
    /// right-to-left override.
    static let name = "x\u{1B}[31mred\u{07}bell\nline<&]]>\u{202E}evil"
    /// How `name` is shown everywhere.
    static let shown = "x\\x1b[31mred\\x07bell\\nline<&]]>\\u{202e}evil"

    /// The scalars in `text` a terminal would act on (a line feed is fine).
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && s != "\n") || v == 0x7F || (0x80..<0xA0).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }.map { "U+" + String($0.value, radix: 16) }
    }

    /// A scratch directory with `r.json`, the quick recipe renamed to `name`.
    static func recipeDirectory() throws -> (dir: String, recipe: String) {
        let dir = try Paths.scratch("text")
        var recipe = try DatasetRecipeFile.load(path: Paths.recipe("quick"))
        recipe.name = name
        recipe.classes = 6
        recipe.maxPerClass = 40
        recipe.testPerClass = 5
        let path = dir + "/hostile.json"
        try DatasetRecipeFile.save(recipe, to: path)
        return (dir, path)
    }

    /// Expects `r` to have succeeded with nothing raw on stdout or stderr.
    func expectClean(_ r: Child.Result, _ what: String) {
        #expect(r.status == 0, "\(what): \(r)")
        #expect(Self.rawControls(r.stdout).isEmpty, "\(what) stdout: \(Self.rawControls(r.stdout))")
        #expect(Self.rawControls(r.stderr).isEmpty, "\(what) stderr: \(Self.rawControls(r.stderr))")
    }

    @Test("run, dataset and figure: stdout and stderr carry no raw control, and the SVG parses as XML")
    func runDatasetFigure() async throws {
        let (dir, recipe) = try Self.recipeDirectory()
        defer { Paths.removeScratch(dir) }
        let results = dir + "/r.json"
        let run = try await Child.normscope(["run", "--dataset", recipe, "--epochs", "2", "--hidden", "8",
                                             "--threads", "1", "--stage2", "--stage2-epochs", "1", "-o", results])
        expectClean(run, "run")
        #expect(run.stderr.contains("normscope: \(Self.shown): 6 classes"), "the name is shown escaped: \(run.stderr)")

        for out in ["d.csv", "d.json"] {
            let d = try await Child.normscope(["dataset", "--dataset", recipe, "-o", dir + "/" + out])
            expectClean(d, "dataset -o \(out)")
        }
        #expect(try DatasetRecipeFile.load(path: dir + "/d.json").name == Self.name, "the file keeps the name as it was")

        let svg = dir + "/f.svg"
        let fig = try await Child.normscope(["figure", results, "-o", svg])
        expectClean(fig, "figure")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(Self.rawControls(text).isEmpty)
        #expect(XMLCheck.problem(in: text) == nil, "well-formed XML")
        #expect(text.contains("<title>Per-class classifier weight norms (x\\x1b[31mred\\x07bell\\nline&lt;&amp;]]&gt;\\u{202e}evil)</title>"))
    }

    @Test("reproduce: the report on stdout and the progress on stderr show the name escaped")
    func reproduce() async throws {
        let (dir, recipe) = try Self.recipeDirectory()
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(["reproduce", "--dataset", recipe, "--seeds", "1", "--imbalances", "10",
                                           "--epochs", "1", "--stage2-epochs", "1", "--hidden", "8", "--weight-decay", "0.001",
                                           "--tau", "1", "--threads", "1", "--no-timings"])
        expectClean(r, "reproduce")
        #expect(r.stdout.contains("Data: `\(Self.shown)`, synthetic (6 classes"), "\(r.stdout.prefix(600))")
        #expect(r.stderr.contains("reproduce on \(Self.shown):"), "\(r.stderr)")
    }

    @Test("errors that quote a path or a command-line value show it escaped, on one line")
    func errorsQuoteEscaped() async throws {
        let dir = try Paths.scratch("text")
        defer { Paths.removeScratch(dir) }
        let missing = dir + "/no\u{1B}]0;title\u{07}such\n.json"
        let r = try await Child.normscope(["run", "--dataset", missing])
        #expect(r.status == 65, "\(r)")
        #expect(Self.rawControls(r.stderr).isEmpty && r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("no\\x1b]0;title\\x07such\\n.json"))
        let bad = try await Child.normscope(["run", "--epochs", "1\u{1B}[2J"])
        #expect(bad.status == 64 && Self.rawControls(bad.stderr).isEmpty && bad.stderrLines.count == 1, "\(bad)")
        #expect(bad.stderr.contains("1\\x1b[2J"))
    }

    @Test("the live view's header shows the name escaped, and the terminal is given back")
    func liveViewHeader() async throws {
        let (dir, recipe) = try Self.recipeDirectory()
        defer { Paths.removeScratch(dir) }
        let tmux = try TmuxSession([try Paths.binary(), "--dataset", recipe, "--hidden", "8", "--threads", "1",
                                    "--epochs", "3", "--pace", "0"], width: 240, height: 50)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor(timeout: .seconds(30), "the finished run") { $0.contains("finished") }
        #expect(screen.contains(Self.shown + ": 6 classes"), "\(screen.prefix(400))")
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "1 0", "still the full screen: the ESC was not obeyed")
        let colored = try tmux.capture(withColors: true)
        #expect(!colored.contains("\u{1B}[31mred"), "the name's colour sequence was not sent")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExitDetail(timeout: .seconds(20)) == TmuxSession.Exit(status: 0, ttyRestored: true))
    }
}
