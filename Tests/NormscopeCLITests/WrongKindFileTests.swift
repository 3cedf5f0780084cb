import Foundation
import Testing

/// One of normscope's own files given to the wrong command is named for what it is, with the command that
/// takes it: a reproduce report, a recipe or a data-set CSV given to `figure`, a results file or a reproduce
/// report given to `--dataset`. One line, exit 65, nothing written.
@Suite("files of another command")
struct WrongKindFileTests {
    /// Writes r.json (run), rep.json (reproduce), recipe.json and d.csv (dataset) into a new directory.
    static func files() async throws -> String {
        let dir = try Paths.scratch("wrong-kind")
        let quick = Tiny.dataset
        for args in [Tiny.run(epochs: 2) + ["-o", dir + "/r.json"],
                     ["reproduce"] + quick + ["--epochs", "1", "--seeds", "1", "--imbalances", "10", "--wd-grid", "0.001",
                                              "--tau-grid", "1", "--stage2-epochs", "1", "--hidden", "8", "--threads", "1",
                                              "-o", dir + "/rep"],
                     ["dataset"] + quick + ["-o", dir + "/recipe.json"],
                     ["dataset"] + quick + ["-o", dir + "/d.csv"]] {
            let r = try await Child.normscope(args)
            try #require(r.status == 0, "\(r)")
        }
        return dir
    }

    @Test("figure given a reproduce report, a recipe or a data-set CSV says what it is and how to get a figure")
    func figureGivenAnotherFile() async throws {
        let dir = try await Self.files()
        defer { Paths.removeScratch(dir) }
        let cases = [("rep.json", "a reproduce report (written by 'normscope reproduce -o'), not a results file", "normscope run -o"),
                     ("recipe.json", "a data-set recipe, not a results file", "normscope run --dataset \(dir)/recipe.json -o r.json"),
                     ("d.csv", "a data-set CSV file, not a results file", "normscope run --dataset \(dir)/d.csv -o r.json")]
        for (name, what, fix) in cases {
            let r = try await Child.normscope(["figure", dir + "/" + name, "-o", dir + "/fig.svg"])
            #expect(r.status == 65 && r.stderrLines.count == 1, "\(name): \(r)")
            #expect(r.stderr.contains("\(dir)/\(name): \(what)"), "\(name): \(r.stderr)")
            #expect(r.stderr.contains(fix), "\(name): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/fig.svg"))
        }
    }

    @Test("--dataset given a results file or a reproduce report says what it is, not an unknown key")
    func datasetGivenAnotherFile() async throws {
        let dir = try await Self.files()
        defer { Paths.removeScratch(dir) }
        let cases = [("r.json", "a results file (written by 'normscope run -o'), not a recipe", "normscope figure \(dir)/r.json"),
                     ("rep.json", "a reproduce report (written by 'normscope reproduce -o'), not a recipe",
                      "--dataset takes a recipe or CSV file")]
        for (name, what, fix) in cases {
            for command in ["run", "reproduce"] {
                let r = try await Child.normscope([command, "--dataset", dir + "/" + name, "--epochs", "1", "-o", dir + "/out"])
                #expect(r.status == 65 && r.stderrLines.count == 1, "\(command) \(name): \(r)")
                #expect(r.stderr.contains("\(dir)/\(name): \(what)"), "\(command) \(name): \(r.stderr)")
                #expect(r.stderr.contains(fix) && !r.stderr.contains("unknown key"), "\(command) \(name): \(r.stderr)")
                #expect(!Paths.contents(dir).contains { $0.hasPrefix("out") }, "\(Paths.contents(dir))")
            }
        }
    }
}
