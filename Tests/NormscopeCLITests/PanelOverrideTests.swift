@testable import NormscopeCLI
import NormscopeEngine
import Testing

/// The settings panel's restart is the run the same flags give at the start (`ExperimentOptions.overriding`).
@Suite("panel restart flags")
struct PanelOverrideTests {
    static let base = ["--dataset", "quick", "--epochs", "2", "--hidden", "16"]

    @Test("each value the panel restarts with gives the experiment of the flag given at the start")
    func sameAsTheFlags() throws {
        let cases: [[String: String]] = [
            ["--imbalance": "10"], ["--profile": "step"], ["--epochs": "5"], ["--hidden": "32,16"],
            ["--batchnorm": "on"], ["--batch-size": "32"], ["--weight-decay": "0.005"], ["--maxnorm-radius": "2"],
            ["--dataset": "default", "--epochs": "1"],
        ]
        for values in cases {
            let panel = try ExperimentOptions.parse(Self.base).overriding(values).makeExperiment(seed: 3)
            var flags = Self.base
            for (flag, text) in values.sorted(by: { $0.key < $1.key }) {
                flags += flag == "--batchnorm" ? (text == "on" ? ["--batchnorm"] : []) : [flag, text]
            }
            let given = try ExperimentOptions.parse(flags).makeExperiment(seed: 3)
            #expect(panel.config == given.config && panel.origin == given.origin, "\(values)")
        }
    }

    @Test("a value out of range is the flag's line; a flag the panel does not set is named")
    func refusals() throws {
        let options = try ExperimentOptions.parse(Self.base)
        #expect(throws: (any Error).self) { try options.overriding(["--imbalance": "0"]) }
        do {
            _ = try options.overriding(["--imbalance": "0"])
        } catch {
            #expect("\(error)".hasPrefix("--imbalance must be"), "\(error)")
        }
        do {
            _ = try options.overriding(["--noise": "1"])
        } catch {
            #expect("\(error)".contains("--noise cannot be set from the settings panel"), "\(error)")
        }
    }
}
