import CCPUFeatures
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The start-up check that a release binary can run on this CPU: it needs x86-64-v3 (AVX2 and FMA, with
/// the BMI1/2, F16C, LZCNT and MOVBE every such CPU has), and says so in one line instead of dying of SIGILL.
///
/// It runs first in `main.swift`, before any code of the engine (whose kernels may use AVX), and uses
/// nothing but CPUID and `write(2)`.
package enum CPURequirement {
    /// What the release build needs on x86-64: every feature `HostCPUFeatures` names (`NS_CPU_X86_64_V3`, the
    /// set `KernelTarget` checks too).
    static let baseline = HostCPUFeatures(rawValue: UInt32(NS_CPU_X86_64_V3))

    /// Exit status when the CPU will not do: EX_UNAVAILABLE of sysexits.h.
    static let unavailableStatus: Int32 = 69

    /// Environment variable that replaces the CPU's features with a list (see `HostCPUFeatures.parse`),
    /// FOR THE TESTS ONLY: they cannot otherwise show the refusal on a CPU that has everything.
    static let testOverrideVariable = "NORMSCOPE_TEST_CPU_FEATURES"

    /// The names of the baseline features missing from `features`, AVX2 and FMA first; empty when the CPU
    /// will do.
    static func missing(from features: HostCPUFeatures) -> [String] {
        HostCPUFeatures.named.filter { baseline.contains($0.feature) && !features.contains($0.feature) }.map(\.name)
    }

    /// The one line that refuses a CPU lacking `missing` (not empty).
    static func refusal(missing: [String]) -> String {
        "normscope: this CPU lacks \(missing.joined(separator: ", ")), which this build needs (x86-64-v3); "
            + "build from source for this machine: swift build -c release"
    }

    /// The one line to print and the status to exit with when a CPU with `features` (nil: this CPU's, or the
    /// test override `override`) cannot run this build; nil when it can.
    static func verdict(features: HostCPUFeatures?, override: String?) -> (line: String, status: Int32)? {
        var checked = features ?? HostCPUFeatures.host
        if let override {
            switch HostCPUFeatures.parse(override) {
            case .success(let parsed): checked = parsed
            case .failure(let unknown):
                let names = HostCPUFeatures.named.map(\.name).joined(separator: ", ")
                return ("normscope: error: \(testOverrideVariable): unknown feature '\(unknown.name)'; known: \(names)", 64)
            }
        }
        let lacking = missing(from: checked)
        return lacking.isEmpty ? nil : (refusal(missing: lacking), unavailableStatus)
    }

    /// Exits with one line on stderr when this CPU (or the test override) lacks what the build needs; returns
    /// at once on a CPU that is not x86-64, where the requirement does not apply.
    package static func exitUnlessMet() {
        #if arch(x86_64)
        let override = getenv(testOverrideVariable).map { String(cString: $0) }
        guard let (line, status) = verdict(features: nil, override: override) else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }  // one short write; no stdio yet
        exit(status)
        #endif
    }
}
