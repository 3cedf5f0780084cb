// swift-tools-version: 6.0
import PackageDescription

/// The engine is the hot path: it is optimised even in debug builds (tests train real networks). Release builds
/// target Haswell (AVX2, FMA, BMI1/2: the least the program runs on; swiftc knows no `x86-64-v3`) rather than
/// this machine's CPU, so a binary built here also runs on an AVX2 laptop; `normscope` checks the CPU at start-up
/// (`CPURequirement`, from cpuid in `CCPUFeatures`), and `KernelTarget` picks the widest kernels it has.
///
/// These are `unsafeFlags`, which SwiftPM refuses in a package used as a dependency: normscope is a
/// program, so it offers no library product (the engine is a target for its own commands and tests).
let engineSettings: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
    .unsafeFlags(["-target-cpu", "haswell"], .when(platforms: [.linux], configuration: .release)),
    .define("NORMSCOPE_FMA", .when(configuration: .release)),
]

/// The matrix kernels, compiled once per CPU level from the same sources (`Sources/NormscopeKernels/Shared`):
/// always optimised and always for their level (debug builds too, so tests run the kernels that ship), with
/// 8-float vectors for Haswell (AVX2 + FMA) and 16-float vectors for Skylake-AVX512 (AVX-512 F/CD/BW/DQ/VL).
/// The engine picks
/// the widest the CPU has at start-up; both give the same bits.
func kernelSettings(cpu: String) -> [SwiftSetting] {
    [.unsafeFlags(["-O", "-target-cpu", cpu], .when(platforms: [.linux]))]
}

let package = Package(
    name: "normscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "normscope", targets: ["normscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // CPUID and XGETBV for the start-up check and the choice of kernels (compiled without AVX flags: it must
        // run on any x86-64 CPU, so the check itself cannot hit SIGILL).
        .target(name: "CCPUFeatures"),
        // Training engine: data, model, regimes, metrics, results. Knows nothing of terminals.
        .target(name: "NormscopeEngine", dependencies: ["CCPUFeatures", "NormscopeKernelsAVX2", "NormscopeKernelsAVX512"],
                swiftSettings: engineSettings),
        // The matrix kernels per CPU level (see kernelSettings).
        .target(name: "NormscopeKernelsAVX2", path: "Sources/NormscopeKernels/AVX2", swiftSettings: kernelSettings(cpu: "haswell")),
        .target(name: "NormscopeKernelsAVX512", path: "Sources/NormscopeKernels/AVX512", swiftSettings: kernelSettings(cpu: "skylake-avx512")),
        // Pure drawing: data in, a canvas of cells out. Tested without a terminal.
        .target(name: "NormscopeDraw", dependencies: ["NormscopeEngine"]),
        // ncursesw through a tiny C shim (see shim.h).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // zlib's deflate and crc32 for PNG files.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Image files from rasters: PNG (deflate from zlib), animated GIF (our own LZW).
        .target(name: "NormscopeImage", dependencies: ["CZlib", "NormscopeDraw"]),
        // The flag table: each value flag's name, help, range and parser, for the commands and a settings panel.
        .target(name: "NormscopeFlags", dependencies: ["NormscopeEngine", "NormscopeDraw", "NormscopeImage"]),
        // The thin ncurses backend and the live TUI's event loop.
        .target(name: "NormscopeTerminal", dependencies: ["CNcursesw", "NormscopeDraw", "NormscopeEngine", "NormscopeFlags", "NormscopeImage"]),
        // Command-line commands (a library so tests can parse flags without spawning).
        .target(
            name: "NormscopeCLI",
            dependencies: [
                "CCPUFeatures", "NormscopeEngine", "NormscopeDraw", "NormscopeTerminal", "NormscopeImage", "NormscopeFlags",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "normscope", dependencies: ["NormscopeCLI"]),
        // Shared by the test targets: XML parsing serialized for the whole test process (see XMLCheck), and a
        // clock tests move by hand (ManualClock).
        .target(name: "NormscopeTestSupport", dependencies: ["NormscopeEngine"], path: "Tests/NormscopeTestSupport"),
        .testTarget(name: "NormscopeEngineTests", dependencies: ["NormscopeEngine", "NormscopeTestSupport"]),
        .testTarget(name: "NormscopeDrawTests", dependencies: ["NormscopeDraw", "NormscopeEngine", "NormscopeTestSupport"]),
        .testTarget(name: "NormscopeImageTests", dependencies: ["NormscopeImage", "NormscopeDraw", "NormscopeEngine", "NormscopeTestSupport"]),
        .testTarget(name: "NormscopeCLITests", dependencies: ["NormscopeCLI", "NormscopeEngine", "NormscopeTerminal", "NormscopeImage", "NormscopeFlags", "CNcursesw", "NormscopeTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
