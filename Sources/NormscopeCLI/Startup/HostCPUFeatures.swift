import CCPUFeatures

/// The x86-64-v3 features of a CPU that the release build may use, one bit each (the `NS_CPU_*` bits of
/// `CCPUFeatures`).
struct HostCPUFeatures: OptionSet, Equatable {
    let rawValue: UInt32

    static let avx = Self(rawValue: 1 << 0)
    static let avx2 = Self(rawValue: 1 << 1)
    static let fma = Self(rawValue: 1 << 2)
    static let bmi1 = Self(rawValue: 1 << 3)
    static let bmi2 = Self(rawValue: 1 << 4)
    static let f16c = Self(rawValue: 1 << 5)
    static let lzcnt = Self(rawValue: 1 << 6)
    static let movbe = Self(rawValue: 1 << 7)
    /// The kernel saves the YMM registers (XCR0), without which any AVX instruction faults.
    static let osAVXState = Self(rawValue: 1 << 8)

    /// Every feature with the name the start-up message and the test override use, in the message's order.
    static let named: [(name: String, feature: HostCPUFeatures)] = [
        ("AVX2", .avx2), ("FMA", .fma), ("AVX", .avx), ("BMI1", .bmi1), ("BMI2", .bmi2), ("F16C", .f16c),
        ("LZCNT", .lzcnt), ("MOVBE", .movbe), ("OS-AVX-STATE", .osAVXState),
    ]

    /// The features of the CPU this process runs on, read with CPUID (empty on a CPU that is not x86-64).
    static var host: HostCPUFeatures { Self(rawValue: UInt32(ns_cpu_features())) }

    /// The features named in `list` (comma-separated names from `named`, any case; empty for none), or the
    /// first name that is not one.
    static func parse(_ list: String) -> Result<HostCPUFeatures, UnknownName> {
        var features: HostCPUFeatures = []
        for word in list.split(separator: ",") {
            let name = word.filter { !$0.isWhitespace }.uppercased()
            guard let entry = named.first(where: { $0.name == name }) else { return .failure(UnknownName(name: String(word))) }
            features.insert(entry.feature)
        }
        return .success(features)
    }

    /// A name `parse` does not know.
    struct UnknownName: Error, Equatable {
        let name: String
    }
}
