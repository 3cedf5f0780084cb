import Foundation
import NormscopeEngine
import Testing

/// The built-in digits (`--dataset digits-lt`) through the real binary, run from a directory that holds no
/// datasets/ folder.
@Suite("digits-lt", .serialized, .ownThread)
struct DigitsCommandTests {
    @Test("--dataset digits-lt trains from any directory and records the data's provenance")
    func digitsFromAnyDirectory() async throws {
        let dir = try Paths.scratch("digits")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(["run", "--dataset", "digits-lt", "--epochs", "2", "--threads", "1", "--quiet",
                                           "-o", "r.json"], directory: dir)
        #expect(r.status == 0, "\(r)")
        let results = try ResultsFile.load(path: dir + "/r.json")
        #expect(results.classCounts == [120, 86, 61, 44, 31, 22, 16, 11, 8, 6])
        #expect(results.classLabels == [8, 2, 0, 7, 6, 5, 3, 9, 4, 1])
        let origin = results.config.dataset
        #expect(origin.file == "digits-lt" && origin.recipe == nil && origin.dimension == 64)
        #expect(origin.provenance == BuiltinDataset.digitsLT.provenance)
        #expect(origin.provenance?.license == "CC BY 4.0")

        // The file in datasets/ is the same data, and is recognised as such.
        let f = try await Child.normscope(["run", "--dataset", Paths.repository + "/datasets/digits-lt.csv", "--epochs", "2",
                                           "--threads", "1", "--quiet", "-o", "f.json"], directory: dir)
        #expect(f.status == 0, "\(f)")
        let fromFile = try ResultsFile.load(path: dir + "/f.json")
        #expect(fromFile.config.dataset.provenance == origin.provenance)
        #expect(fromFile.runs == results.runs, "the same data, the same training")
    }

    @Test("dataset --dataset digits-lt writes datasets/digits-lt.csv byte for byte, to a file and to standard output")
    func datasetWritesTheShippedFile() async throws {
        let dir = try Paths.scratch("digits-csv")
        defer { Paths.removeScratch(dir) }
        let shipped = try Data(contentsOf: URL(fileURLWithPath: Paths.repository + "/datasets/digits-lt.csv"))
        let r = try await Child.normscope(["dataset", "--dataset", "digits-lt", "-o", "d.csv"], directory: dir)
        #expect(r.status == 0, "\(r)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/d.csv")) == shipped,
                "datasets/digits-lt.csv is written from the program: normscope dataset --dataset digits-lt -o datasets/digits-lt.csv --force")
        // Any copy of the data (here the shipped file) is written as the same text.
        let out = try await Child.normscope(["dataset", "--dataset", Paths.repository + "/datasets/digits-lt.csv", "-o", "-"])
        #expect(out.status == 0 && Data(out.stdout.utf8) == shipped, "\(out.stderr)")
    }

    @Test("--dataset digits-lt cannot be reshaped by the generator's flags")
    func digitsRefuseRecipeFlags() async throws {
        let r = try await Child.normscope(["run", "--dataset", "digits-lt", "--classes", "5", "--quiet"])
        #expect(r.status == 64 && r.stderr.contains("cannot change"), "\(r)")
    }

    @Test("the live view trains on digits-lt from any directory")
    func liveViewOnDigits() async throws {
        let dir = try Paths.scratch("digits-live")
        defer { Paths.removeScratch(dir) }
        let tmux = try TmuxSession([try Paths.binary(), "--dataset", "digits-lt", "--epochs", "5", "--pace", "0", "--threads", "1"],
                                   width: 120, height: 40, directory: dir)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor(timeout: .seconds(60), "five panels and the finished run") { s in
            LiveViewTests.titles.allSatisfy(s.contains) && s.contains("finished")
        }
        #expect(screen.contains("epoch 5/5"))
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit(timeout: .seconds(20)) == 0)
    }
}
