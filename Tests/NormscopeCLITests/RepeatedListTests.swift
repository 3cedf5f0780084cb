import Foundation
@testable import NormscopeCLI
import Testing

/// A value given twice in a list flag where a repeat means nothing is a usage error naming the flag and the
/// value, found before anything runs (`reproduce --imbalances 100,100` used to wait forever). `--hidden` lists
/// layer widths, where repeats are legitimate.
@Suite("repeated list values")
struct RepeatedListTests {
    static let cases: [(args: [String], line: String)] = [
        (["reproduce", "--imbalances", "100,100"], "--imbalances lists 100 twice; give each value once"),
        (["reproduce", "--imbalances", "100,50,1e2"], "--imbalances lists 100 twice (as 100 and 1e2); give each value once"),
        (["reproduce", "--wd-grid", "0.001,0.002,0.001"], "--wd-grid lists 0.001 twice; give each value once"),
        (["reproduce", "--tau-grid", "0,0.5,-0"], "--tau-grid lists 0 twice (as 0 and -0); give each value once"),
        (["run", "--regimes", "wd,naive,wd"], "--regimes lists wd twice; give each value once"),
        (["watch", "--regimes", "naive, NAIVE"], "--regimes lists naive twice (as naive and NAIVE); give each value once"),
        (["run", "--stage2-variants", "cb+wd,posthoc-l2,cb+wd"], "--stage2-variants lists cb+wd twice; give each value once"),
        (["watch", "--stage2-base", "wd,maxnorm,wd"], "--stage2-base lists wd twice; give each value once"),
    ]

    @Test("through the binary: one line naming the flag and the value, exit status 64, at once",
          arguments: cases.indices)
    func refused(index: Int) async throws {
        let c = Self.cases[index]
        let dir = try Paths.scratch("repeat")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(c.args + ["--threads", "1"], directory: dir, timeout: .seconds(30))
        #expect(r.status == 64, "\(r)")
        #expect(r.stderrLines == ["normscope: error: \(c.line) (see 'normscope \(c.args[0]) --help')"], "\(r)")
        #expect(r.stdout.isEmpty && Paths.contents(dir).isEmpty)
    }

    @Test("repeated hidden widths are layer sizes, not repeats: accepted and trained")
    func hiddenRepeats() async throws {
        #expect(throws: Never.self) { _ = try Normscope.parseAsRoot(["reproduce", "--hidden", "16,16,8"]) }
        let r = try await Child.normscope(Tiny.run(epochs: 1).map { $0 == "32,16" ? "16,16" : $0 })
        #expect(r.status == 0, "\(r)")
    }

    @Test("distinct values pass, whatever their spelling")
    func distinctPass() throws {
        for args in [["reproduce", "--imbalances", "100,50,10", "--wd-grid", "1e-3,2e-3", "--tau-grid", "0,0.1,1"],
                     ["run", "--regimes", "naive,wd", "--stage2-base", "all", "--stage2-variants", "all"]] {
            #expect(throws: Never.self) { _ = try Normscope.parseAsRoot(args) }
        }
    }
}
