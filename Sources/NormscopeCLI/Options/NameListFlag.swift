import Foundation
import NormscopeEngine

/// The list flags that name things of the engine's (`--regimes`, `--stage2-base`, `--stage2-variants`): each
/// entry is a name the engine defines (`Regime`'s and `Stage2Variant`'s raw values), read without regard to
/// case and to blanks around it, and given once; anything else is a usage error naming the flag and the valid
/// names ("unknown regime 'foo' in --regimes; valid: naive,l2norm,wd,maxnorm,wd+maxnorm").
enum NameListFlag {
    /// The regimes `text` names for `setting` (`.regimes` or `.stage2Bases`), in the order given.
    static func regimes(_ text: String, for setting: ConfigSetting) throws(NormscopeError) -> [Regime] {
        try names(text, flag: FlagName.of(setting), noun: "regime")
    }

    /// The stage-2 bases `text` names: regimes, or "all" for every regime `trained`.
    static func bases(_ text: String, trained: [Regime]) throws(NormscopeError) -> [Regime] {
        if isAll(text) { return trained }
        return try regimes(text, for: .stage2Bases)
    }

    /// The stage-2 variants `text` names, or "all" for every variant in the paper's table order.
    static func variants(_ text: String) throws(NormscopeError) -> [Stage2Variant] {
        if isAll(text) { return Stage2Variant.all }
        return try names(text, flag: FlagName.of(.stage2Variants), noun: "variant", orAll: true)
    }

    /// Whether `text` is the word "all" (any case, blanks around it).
    private static func isAll(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespaces).lowercased() == "all" }

    /// Each entry of `text` as a `T`; throws at a repeated entry, then at the first unknown one (`noun` says
    /// what it should have been, `orAll` whether "all" is valid too).
    private static func names<T: RawRepresentable & CaseIterable & Hashable>(
        _ text: String, flag: String, noun: String, orAll: Bool = false
    ) throws(NormscopeError) -> [T] where T.RawValue == String {
        try ListFlag.requireDistinct(text, flag: flag) { T(rawValue: $0.lowercased()) }
        var result: [T] = []
        for entry in ListFlag.entries(text) {
            guard let value = T(rawValue: entry.lowercased()) else {
                let valid = T.allCases.map(\.rawValue).joined(separator: ",") + (orAll ? " or all" : "")
                throw .invalidValue("unknown \(noun) '\(entry)' in \(flag); valid: \(valid)")
            }
            result.append(value)
        }
        return result
    }
}
