// fuzz-modules: NormscopeEngine
// fuzz-sources: Sources/NormscopeCLI/Options/ListFlag.swift Sources/NormscopeCLI/Options/NameListFlag.swift Sources/NormscopeCLI/Options/FlagName.swift
import NormscopeEngine

/// libFuzzer entry point for the comma-separated list flags (`--imbalances`, `--wd-grid`, `--tau-grid`,
/// `--hidden` of `reproduce`, `--regimes`, `--stage2-base`, `--stage2-variants`): `ListFlag`'s parsers and the
/// regime and variant list parsers (`NameListFlag`), run as the flags run them, on any text a user could type.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ListFlag.distinctNumbers(text, flag: "--imbalances")
    _ = try? ListFlag.numbers(text, flag: "--hidden") { Int($0) }
    _ = try? NameListFlag.regimes(text, for: .regimes)
    _ = try? NameListFlag.bases(text, trained: [.wd])
    _ = try? NameListFlag.variants(text)
    return 0
}
