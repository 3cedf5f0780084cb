// swift-tools-version: 6.0
import PackageDescription

/// The engine is the hot path: it is optimised even in debug builds (tests train real networks),
/// and release builds target this machine's CPU so the SIMD kernels get AVX2/FMA.
///
/// These are `unsafeFlags`, which SwiftPM refuses in a package used as a dependency: normscope is a
/// program, so it offers no library product (the engine is a target for its own commands and tests).
let engineSettings: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug)),
    .unsafeFlags(["-target-cpu", "native"], .when(configuration: .release)),
    .define("NORMSCOPE_FMA", .when(configuration: .release)),
]

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
        // Training engine: data, model, regimes, metrics, results. Knows nothing of terminals.
        .target(name: "NormscopeEngine", swiftSettings: engineSettings),
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
        .target(name: "NormscopeTerminal", dependencies: ["CNcursesw", "NormscopeDraw", "NormscopeEngine", "NormscopeImage"]),
        // Command-line commands (a library so tests can parse flags without spawning).
        .target(
            name: "NormscopeCLI",
            dependencies: [
                "NormscopeEngine", "NormscopeDraw", "NormscopeTerminal", "NormscopeImage", "NormscopeFlags",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "normscope", dependencies: ["NormscopeCLI"]),
        // Shared by the test targets: XML parsing serialized for the whole test process (see XMLCheck), and a
        // clock tests move by hand (ManualClock).
        .target(name: "NormscopeTestSupport", dependencies: ["NormscopeEngine"], path: "Tests/NormscopeTestSupport"),
        .testTarget(name: "NormscopeEngineTests", dependencies: ["NormscopeEngine", "NormscopeTestSupport"]),
        .testTarget(name: "NormscopeDrawTests", dependencies: ["NormscopeDraw", "NormscopeEngine", "NormscopeTestSupport"]),
        .testTarget(name: "NormscopeImageTests", dependencies: ["NormscopeImage", "NormscopeDraw", "NormscopeEngine"]),
        .testTarget(name: "NormscopeCLITests", dependencies: ["NormscopeCLI", "NormscopeEngine", "NormscopeTerminal", "NormscopeImage", "NormscopeFlags", "CNcursesw", "NormscopeTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
