import ArgumentParser
import Foundation
@testable import NormscopeCLI
import NormscopeEngine
import NormscopeFlags
import Testing

/// `--change EPOCH:NAME=VALUE` on `run` and the live view: what it reads, and the one line a bad entry gets.
@Suite("--change")
struct ChangeFlagTests {
    @Test("entries read into changes, names as the flags' without dashes, values through the flags' rows")
    func reads() throws {
        #expect(try ChangeFlag.parse("50:weight-decay=5e-3") == ConfigChange(epoch: 50, setting: .weightDecay, value: 0.005))
        #expect(try ChangeFlag.parse("0:lr=0.1") == ConfigChange(epoch: 0, setting: .learningRate, value: 0.1))
        #expect(try ChangeFlag.parse("3:wd-maxnorm-radius=0.8").setting == .wdMaxNormRadius)
        #expect(try ChangeFlag.parse("3:maxnorm-radius=2").setting == .maxNormRadius)
        #expect(try ChangeFlag.parse("3:momentum=0").value == 0)
        for s in ScheduledSetting.allCases {
            #expect(FlagTable.scheduledSetting(named: FlagTable.entry(for: s).name) == s)
        }
        let c = try TrainingOptions.parse(["--epochs", "60", "--change", "50:weight-decay=5e-3", "--change", "10:lr=0.02"])
        #expect(try c.trainingConfig(seed: 0).changes == [ConfigChange(epoch: 50, setting: .weightDecay, value: 0.005),
                                                          ConfigChange(epoch: 10, setting: .learningRate, value: 0.02)])
    }

    /// The message `text` gets from the parser.
    func message(_ text: String) -> String {
        do { _ = try ChangeFlag.parse(text); return "" } catch { return error.message }
    }

    @Test("a bad entry is one line quoting it and saying what to give")
    func refusals() {
        #expect(message("50-weight-decay") == "--change 50-weight-decay: give EPOCH:NAME=VALUE, for example --change 50:weight-decay=5e-3")
        #expect(message("x:lr=1").hasPrefix("--change x:lr=1: the epoch must be a whole number"))
        #expect(message("-1:lr=1").hasPrefix("--change -1:lr=1: the epoch must be a whole number"))
        #expect(message("5:speed=2") == "--change 5:speed=2: no setting 'speed'; settings that can change: weight-decay, maxnorm-radius, wd-maxnorm-radius, lr, momentum")
        #expect(message("5:imbalance=10").hasPrefix("--change 5:imbalance=10: data and model settings cannot change mid-run: they restart; give --imbalance at the start instead"))
        #expect(message("5:weight-decay=20") == "--change 5:weight-decay=20: --weight-decay must be in [0, 10] (got 20.0)")
        #expect(message("5:lr=fast") == "--change 5:lr=fast: --lr needs a number in (0, 10] (got 'fast')")
        #expect(message("5:lr=1 2") == "--change '5:lr=1 2': --lr needs a number in (0, 10] (got '1 2')")
        let late = ChangeFlag.epochProblem([ConfigChange(epoch: 100, setting: .weightDecay, value: 0.005)], epochs: 100)
        #expect(late?.message == "--change 100:weight-decay=0.005: epoch 100 is past the end of the run: give an epoch from 0 to 99 (--epochs 100)")
    }

    @Test("the help states the form, the names and an example")
    func help() {
        #expect(ChangeFlag.help.contains("EPOCH:NAME=VALUE") && ChangeFlag.help.contains("--change 50:weight-decay=5e-3"))
        #expect(ChangeFlag.help.contains("weight-decay, maxnorm-radius, wd-maxnorm-radius, lr, momentum"))
    }

    static let badCases: [[String]] = [
        ["--change", "50:weight-decay"], ["--change", "5:batch-size=32"], ["--change", "5:foo=1"],
        ["--change", "3:weight-decay=5e-3"], ["--change", "1:momentum=1"], ["--change", "-2:lr=0.1"],
    ]

    @Test("run refuses a bad schedule in one line, exit 64, nothing trained", arguments: badCases)
    func runRefuses(_ extra: [String]) async throws {
        let dir = try Paths.scratch("change")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(Tiny.run(epochs: 3) + extra + ["-o", dir + "/out.json"], directory: dir)
        #expect(r.status == 64, "\(r)")
        #expect(r.stderrLines.count == 1 && r.stderr.hasPrefix("normscope: error: --change "), "\(r.stderr)")
        #expect(r.stdout.isEmpty && Paths.contents(dir).isEmpty, "\(r)")
    }

    @Test("the live view refuses a bad schedule the same way, before touching the terminal")
    func liveRefuses() async throws {
        let r = try await Child.normscope(Tiny.dataset + ["--epochs", "3", "--change", "9:lr=0.1"])
        #expect(r.status == 64 && r.stderrLines.count == 1, "\(r)")
        #expect(r.stderr.contains("--change 9:lr=0.1: epoch 9 is past the end of the run"), "\(r.stderr)")
    }
}
