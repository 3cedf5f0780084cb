// The start-up CPU check: the decision from a feature set, the CPUID probe against the kernel's own list
// (/proc/cpuinfo), and the real binary refusing a CPU through the test-only override.
import Foundation
@testable import NormscopeCLI
@testable import NormscopeEngine
import Testing

@Suite("CPU requirement at start-up")
struct CPURequirementTests {
    @Test("a CPU with all of x86-64-v3 passes; one without AVX2 and FMA is refused in one line, status 69")
    func decision() {
        #expect(CPURequirement.verdict(features: CPURequirement.baseline, override: nil) == nil)
        let older = CPURequirement.baseline.subtracting([.avx2, .fma, .bmi2])
        #expect(CPURequirement.missing(from: older) == ["AVX2", "FMA", "BMI2"])
        let verdict = CPURequirement.verdict(features: older, override: nil)
        #expect(verdict?.status == 69)
        #expect(verdict?.line == "normscope: this CPU lacks AVX2, FMA, BMI2, which this build needs (x86-64-v3); "
                    + "build from source for this machine: swift build -c release")
        #expect(verdict.map { !$0.line.contains("\n") } == true)
        // AVX without the kernel saving its registers faults like no AVX at all.
        #expect(CPURequirement.missing(from: CPURequirement.baseline.subtracting(.osAVXState)) == ["OS-AVX-STATE"])
    }

    @Test("the start-up check and the choice of kernels ask for the same features: every one the check names")
    func oneBaseline() {
        let named = HostCPUFeatures.named.reduce(into: HostCPUFeatures()) { $0.insert($1.feature) }
        #expect(CPURequirement.baseline == named)
        #expect(KernelTarget.baselineBits == CPURequirement.baseline.rawValue)
    }

    @Test("the test override replaces the CPU's features: names in any case, empty for none, unknown names refused")
    func override() {
        let all = HostCPUFeatures.named.map { $0.name.lowercased() }.joined(separator: ", ")
        #expect(CPURequirement.verdict(features: [], override: all) == nil)
        #expect(CPURequirement.verdict(features: CPURequirement.baseline, override: "")?.status == 69)
        #expect(HostCPUFeatures.parse("avx2,Fma") == .success([.avx2, .fma]))
        #expect(HostCPUFeatures.parse("avx2,sse9") == .failure(.init(name: "sse9")))
        let unknown = CPURequirement.verdict(features: CPURequirement.baseline, override: "avx512")
        #expect(unknown?.status == 64)
        #expect(unknown?.line.hasPrefix("normscope: error: NORMSCOPE_TEST_CPU_FEATURES: unknown feature 'avx512'") == true)
    }

    @Test("CPUID reads the same features as the kernel lists in /proc/cpuinfo")
    func probeMatchesKernel() throws {
        #if arch(x86_64) && os(Linux)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flagsLine = try #require(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") })
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        // The kernel's names; abm is LZCNT. It lists avx only when it saves the YMM registers.
        let kernelNames: [(String, HostCPUFeatures)] = [
            ("avx", .avx), ("avx2", .avx2), ("fma", .fma), ("bmi1", .bmi1), ("bmi2", .bmi2), ("f16c", .f16c),
            ("abm", .lzcnt), ("movbe", .movbe), ("avx", .osAVXState),
        ]
        let host = HostCPUFeatures.host
        for (name, feature) in kernelNames {
            #expect(host.contains(feature) == flags.contains(name), "\(name): CPUID and /proc/cpuinfo disagree")
        }
        #endif
    }

    @Test("the binary refuses a CPU without AVX2 and FMA with one line and status 69, before any output")
    func binaryRefuses() async throws {
        let variable = CPURequirement.testOverrideVariable
        let lacking = try await Child.normscope(Tiny.run(), environment: [variable: "avx,bmi1,bmi2,f16c,lzcnt,movbe,os-avx-state"])
        #expect(lacking.status == 69, "\(lacking)")
        #expect(lacking.stdout.isEmpty)
        #expect(lacking.stderrLines == [Substring(CPURequirement.refusal(missing: ["AVX2", "FMA"]))])
        let all = HostCPUFeatures.named.map(\.name).joined(separator: ",")
        let fine = try await Child.normscope(["--version"], environment: [variable: all])
        #expect(fine.status == 0 && fine.stdout.contains("."), "\(fine)")
    }
}
