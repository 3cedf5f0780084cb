import Foundation

/// What `bench --format json` prints: every measurement of one run, typed (the keys are the property names;
/// `Benchmarks/compare.py` reads `secondsPerRegimeEpoch`, `training.regimes[].cpuSecondsPerEpoch` and `build`).
struct BenchReport: Encodable {
    /// The machine and the kernel variant in use.
    struct Build: Encodable {
        var machine: String
        /// `avx512` or `avx2` (`KernelTarget.current`).
        var kernels: String
        /// Floats per vector in those kernels.
        var lanes: Int
    }

    /// One matrix product on a training shape.
    struct Kernel: Encodable {
        var kind: String
        var layer: Int
        var m: Int, n: Int, k: Int
        var gflops: Double
    }

    /// One regime trained alone on one thread.
    struct RegimeTiming: Encodable {
        var regime: String
        var secondsPerEpoch: Double
        var cpuSecondsPerEpoch: Double
        var gflops: Double
        var gflopsOnCPU: Double
    }

    /// The training part: each regime alone, then all side by side as `normscope run` trains them.
    struct Training: Encodable {
        var sizes: [Int]
        var batch: Int
        var trainCount: Int
        var testCount: Int
        var gflopPerRegimeEpoch: Double
        var regimes: [RegimeTiming]
        var threads: Int
        var secondsPerEpochAllRegimes: Double
        var secondsPerRegimeEpoch: Double
    }

    /// One point of `--sweep`.
    struct SweepPoint: Encodable {
        var classes: Int
        var dimension: Int
        var batch: Int
        var trainCount: Int
        var testCount: Int
        var secondsPerEpoch: Double
        var gflops: Double
    }

    var build: Build
    var threads: Int
    /// Single-core FMA peak with the widest vector of the kernels in use, GFLOP/s.
    var peakGflops: Double?
    var kernels: [Kernel]?
    var training: Training?
    /// `training.secondsPerRegimeEpoch`, at the top for scripts.
    var secondsPerRegimeEpoch: Double?
    var sweep: [SweepPoint]?
    var maxRSSMegabytes = 0.0

    /// The report as sorted, indented JSON.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
