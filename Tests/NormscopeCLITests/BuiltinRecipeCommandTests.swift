import Foundation
import Testing

/// The recipes are compiled into the binary: a bare name works from any directory, `dataset --list` shows
/// them, and the files in datasets/ are still usable by path and hold the same recipes.
@Suite("built-in recipes through the binary")
struct BuiltinRecipeCommandTests {
    static let names = ["default", "cifar100-lt", "cifar10-lt", "step", "quick"]

    @Test("a bare name works from a directory without datasets/, and gives the data of the file")
    func anyDirectory() async throws {
        let dir = try Paths.scratch("builtin")
        defer { Paths.removeScratch(dir) }
        let byName = try await Child.normscope(["dataset", "--dataset", "quick", "-o", "byname.csv"], directory: dir)
        #expect(byName.status == 0, "\(byName)")
        let byPath = try await Child.normscope(["dataset", "--dataset", Paths.recipe("quick"), "-o", "bypath.csv"], directory: dir)
        #expect(byPath.status == 0, "\(byPath)")
        let a = FileManager.default.contents(atPath: dir + "/byname.csv")
        #expect(a != nil && a == FileManager.default.contents(atPath: dir + "/bypath.csv"))
        let run = try await Child.normscope(["run", "--dataset", "cifar10-lt", "--epochs", "1", "--regimes", "naive",
                                             "--max-per-class", "50", "--test-per-class", "5", "--quiet", "-o", "r.json"],
                                            directory: dir)
        #expect(run.status == 0, "\(run)")
        let results = try String(contentsOfFile: dir + "/r.json", encoding: .utf8)
        #expect(results.contains("\"name\" : \"cifar10-lt\""), "\(results.prefix(600))")
    }

    @Test("dataset --list: one line per built-in recipe with its classes, samples and purpose")
    func list() async throws {
        let r = try await Child.normscope(["dataset", "--list"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("recipe") == true && lines.first?.contains("classes") == true)
        for name in Self.names {
            let line = try #require(lines.first { $0.hasPrefix(name + " ") }, "\(name) listed: \(r.stdout)")
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cells.count > 5 && Int(cells[1]) != nil && Int(cells[2]) != nil && Int(cells[3]) != nil, "\(line)")
        }
        #expect(r.stdout.contains("quick") && r.stdout.contains("20      1048   1000"), "\(r.stdout)")
    }

    @Test("--list takes no --output; dataset without either says what it needs")
    func listConflicts() async throws {
        for (args, mention) in [(["dataset", "--list", "-o", "x.csv"], "conflict"), (["dataset"], "--list")] {
            let r = try await Child.normscope(args)
            #expect(r.status == 64 && r.stderrLines.count == 1 && r.stderr.contains(mention), "\(r)")
        }
    }

    @Test("a path to a file is a path: ./quick is not the built-in recipe")
    func pathIsAPath() async throws {
        let dir = try Paths.scratch("builtin")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(["run", "--dataset", "./quick"], directory: dir)
        #expect(r.status == 65 && r.stderr.contains("./quick: no such file"), "\(r)")
    }
}
