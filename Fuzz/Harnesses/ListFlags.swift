// fuzz-modules: NormscopeEngine
// fuzz-sources: Sources/NormscopeCLI/Options/ListFlag.swift
import NormscopeEngine

/// libFuzzer entry point for the comma-separated list flags (`--imbalances`, `--wd-grid`, `--tau-grid`,
/// `--hidden` of `reproduce`, `--regimes`, `--stage2-base`, `--stage2-variants`): `ListFlag`'s parsers and the
/// regime and variant list parsers, run as the flags run them, on any text a user could type.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ListFlag.distinctNumbers(text, flag: "--imbalances")
    _ = try? ListFlag.numbers(text, flag: "--hidden") { Int($0) }
    if (try? ListFlag.requireDistinct(text, flag: "--regimes", key: { Regime.named($0)?.name })) != nil {
        _ = try? Regime.parseList(text)
    }
    if (try? ListFlag.requireDistinct(text, flag: "--stage2-variants",
                                      key: { Stage2Variant(rawValue: $0.lowercased()) })) != nil {
        _ = try? Stage2Variant.parseList(text)
    }
    return 0
}
