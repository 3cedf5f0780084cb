import CCPUFeatures
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which compiled variant of the matrix kernels runs: the widest the CPU supports, chosen once at start-up.
///
/// The kernels are built twice from the same sources (`Sources/NormscopeKernels`): `avx512` for Skylake-AVX512
/// (16 floats per vector) and `avx2` for Haswell (8 floats). Both keep every element of C in one FMA chain in
/// the same order, so they give bit-identical results and the choice changes speed only.
///
/// The start-up check of the program calls `hostSupportsBaseline` before anything else and refuses a CPU
/// without AVX2 and FMA with one line (the rest of the engine is compiled for Haswell in release builds and
/// would die with SIGILL there). The check runs C compiled for generic x86-64 (`CCPUFeatures`): this type holds
/// no vector code.
package enum KernelTarget: String, Sendable, CaseIterable {
    /// AVX-512 F/BW/CD/DQ/VL: 16 lanes.
    case avx512
    /// AVX2, FMA, BMI1/2: 8 lanes.
    case avx2

    /// The x86-64-v3 bits of `CCPUFeatures` (AVX, AVX2, FMA, BMI1/2, F16C, LZCNT, MOVBE, and the OS saving
    /// the YMM state): what Haswell code may use; the start-up check asks for the same set.
    static let baselineBits = UInt32(NS_CPU_X86_64_V3)

    /// Whether the CPU (and the OS) support x86-64-v3 (AVX2, FMA, BMI1/2, ...), the least the program runs on.
    static var hostSupportsBaseline: Bool { UInt32(ns_cpu_features()) & baselineBits == baselineBits }

    /// Whether the CPU (and the OS) support AVX-512 F/CD/BW/DQ/VL, for the wide kernels, on top of the baseline.
    static var hostSupportsAVX512: Bool {
        hostSupportsBaseline && UInt32(ns_cpu_features()) & UInt32(NS_CPU_AVX512) != 0
    }

    /// Whether this variant can run on this CPU.
    var isSupported: Bool {
        switch self {
        case .avx512: Self.hostSupportsAVX512
        case .avx2: Self.hostSupportsBaseline
        }
    }

    /// The variant in use: the widest the CPU supports, or a narrower one named by the environment variable
    /// `NORMSCOPE_KERNELS` (`avx2`; for measuring the narrow kernels on a wide CPU). A name the CPU cannot run,
    /// or an unknown one, is ignored. Chosen on first use, then fixed for the process.
    package static let current: KernelTarget = choose(requested: getenv("NORMSCOPE_KERNELS").map { String(cString: $0) })

    /// The variant for a request (nil: none): the requested one if the CPU can run it, else the widest it can.
    static func choose(requested: String?) -> KernelTarget {
        if let name = requested, let wanted = KernelTarget(rawValue: name.lowercased()), wanted.isSupported {
            return wanted
        }
        return hostSupportsAVX512 ? .avx512 : .avx2
    }

    /// Floats per vector in this variant's kernels.
    package var lanes: Int { self == .avx512 ? 16 : 8 }
}
