// fuzz-modules: NormscopeEngine
// fuzz-sources: Sources/NormscopeCLI/Options/ListFlag.swift Sources/NormscopeCLI/Options/NameListFlag.swift Sources/NormscopeCLI/Options/FlagName.swift Sources/NormscopeFlags/FlagSpec.swift Sources/NormscopeFlags/FlagSpec+Kinds.swift Sources/NormscopeFlags/FlagValueKind.swift Sources/NormscopeFlags/FlagValueError.swift Sources/NormscopeFlags/FlagEntry.swift
import NormscopeEngine

/// libFuzzer entry point for the comma-separated list flags (`--imbalances`, `--wd-grid`, `--tau-grid`,
/// `--hidden`, `--regimes`, `--stage2-base`, `--stage2-variants`): `ListFlag`'s parsers, the flag table's
/// whole-number list (the one `--hidden` parser) and the regime and variant list parsers (`NameListFlag`), run
/// as the flags run them, on any text a user could type.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ListFlag.distinctNumbers(text, flag: "--imbalances")
    _ = try? hidden.parse(text)
    _ = try? NameListFlag.regimes(text, for: .regimes)
    _ = try? NameListFlag.bases(text, trained: [.wd])
    _ = try? NameListFlag.variants(text)
    return 0
}

/// `--hidden` as the flag table declares it (the table itself also needs the drawing modules).
let hidden = FlagSpec<[Int]>.wholeNumbers("--hidden", "Hidden widths", range: .between(1, 4096, whole: true),
                                          example: "128,128,64")
