import Foundation
import NormscopeEngine
import Testing

/// `--batchnorm` through the real binary.
@Suite("--batchnorm", .serialized)
struct BatchNormCommandTests {
    @Test("--batchnorm is recorded and the results do not depend on --threads")
    func batchNormRecordedAndDeterministic() async throws {
        let dir = try Paths.scratch("bn")
        defer { Paths.removeScratch(dir) }
        let flags = ["run"] + Tiny.dataset + ["--epochs", "3", "--hidden", "32,16", "--quiet", "--batchnorm"]
        let a = try await Child.normscope(flags + ["--threads", "1", "-o", dir + "/a.json"])
        let b = try await Child.normscope(flags + ["--threads", "2", "-o", dir + "/b.json"])
        #expect(a.status == 0 && b.status == 0, "\(a)\n\(b)")
        let fa = try #require(FileManager.default.contents(atPath: dir + "/a.json"))
        #expect(fa == FileManager.default.contents(atPath: dir + "/b.json"))
        #expect(try ResultsFile.load(path: dir + "/a.json").config.training.usesBatchNorm)
        let plain = try await Child.normscope(Tiny.run(epochs: 3) + ["-o", dir + "/p.json"])
        #expect(plain.status == 0)
        let fp = try #require(FileManager.default.contents(atPath: dir + "/p.json"))
        #expect(!String(decoding: fp, as: UTF8.self).contains("batchNorm"))
        #expect(fp != fa)
    }
}
