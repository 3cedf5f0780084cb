import Foundation
import Testing
@testable import NormscopeEngine

/// `normscope bench --format json` through the real binary: typed JSON naming the kernel variant it measured.
struct BenchCommandTests {
    /// The JSON of one bench run, decoded loosely (as a script would read it).
    static func bench(_ args: [String], environment: [String: String?] = [:]) async throws -> [String: Any] {
        let r = try await Child.normscope(["bench", "--format", "json"] + args, environment: environment)
        try #require(r.status == 0, "\(r)")
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r)")
    }

    @Test("the peak is measured with the kernels in use, and NORMSCOPE_KERNELS=avx2 narrows them")
    func peakNamesTheVariant() async throws {
        let wide = try await Self.bench(["--only", "peak"])
        let build = try #require(wide["build"] as? [String: Any])
        #expect(build["kernels"] as? String == KernelTarget.current.rawValue)
        #expect(build["lanes"] as? Int == KernelTarget.current.lanes)
        #expect((wide["peakGflops"] as? Double ?? 0) > 0)
        let narrow = try await Self.bench(["--only", "peak"], environment: ["NORMSCOPE_KERNELS": "avx2"])
        let narrowBuild = try #require(narrow["build"] as? [String: Any])
        #expect(narrowBuild["kernels"] as? String == "avx2")
        #expect(narrowBuild["lanes"] as? Int == 8)
    }

    @Test("training side by side reports per regime and per regime-epoch, as compare.py reads them")
    func trainingKeys() async throws {
        let r = try await Self.bench(["--only", "training", "--timed-epochs", "1", "--hidden", "16", "--regimes", "naive,wd",
                                      "--threads", "2"] + Tiny.dataset)
        #expect((r["secondsPerRegimeEpoch"] as? Double ?? 0) > 0)
        let training = try #require(r["training"] as? [String: Any])
        let regimes = try #require(training["regimes"] as? [[String: Any]])
        #expect(regimes.compactMap { $0["regime"] as? String } == ["naive", "wd"])
        #expect(regimes.allSatisfy { ($0["cpuSecondsPerEpoch"] as? Double ?? 0) > 0 })
        #expect(training["threads"] as? Int == 2)
    }
}
