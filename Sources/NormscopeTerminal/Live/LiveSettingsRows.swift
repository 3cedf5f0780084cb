import NormscopeDraw
import NormscopeEngine
import NormscopeFlags

/// The rows of the live view's settings panel, built from the flag table: each row's range, steps and refusal
/// line are its flag's, so the panel refuses a value with the very line the command line gives.
enum LiveSettingsRows {
    /// What the rows show: the run's settings now and the view's.
    struct Now {
        var config: TrainingConfig
        var origin: DataOrigin
        var seed: UInt64
        var regimes: [Regime]
        var hidden: Set<Regime>
        var pace: Pace
    }

    /// Every row, optimizer settings first (they apply from the next epoch), then data and model (restart),
    /// then the view's (which regimes are shown, the pace).
    static func rows(_ now: Now) -> [SettingRow] {
        let c = now.config
        var rows = [
            row(FlagTable.weightDecay.entry, "weight decay", number(c.weightDecay), .fromNextEpoch),
            row(FlagTable.maxNormRadius.entry, "MaxNorm radius (d)", spell(c.maxNorm), .fromNextEpoch),
            row(FlagTable.wdMaxNormRadius.entry, "MaxNorm radius (e)", spell(c.wdMaxNorm ?? c.maxNorm), .fromNextEpoch),
            row(FlagTable.learningRate.entry, "learning rate", number(c.learningRate), .fromNextEpoch),
            row(FlagTable.momentum.entry, "momentum", number(c.momentum), .fromNextEpoch),
            row(FlagTable.batchSize.entry, "batch size", "\(c.batchSize)", .restart),
            row(FlagTable.epochs.entry, "epochs", "\(c.epochs)", .restart),
            dataRow(now.origin),
            row(FlagTable.imbalance.entry, "imbalance factor", now.origin.recipe.map { number($0.imbalance) } ?? "-", .restart),
            row(FlagTable.profile.entry, "profile", now.origin.recipe?.profile.rawValue ?? "-", .restart, kind: .choice),
            row(FlagTable.seed.entry, "seed", "\(now.seed)", .restart),
            row(FlagTable.hidden.entry, "hidden widths", FlagTable.hidden.spell(c.hidden), .restart),
            SettingRow(id: "--batchnorm", label: "BatchNorm", value: c.usesBatchNorm ? "on" : "off", apply: .restart,
                       kind: .toggle, steps: ["off", "on"]),
        ]
        for (i, regime) in now.regimes.enumerated() {
            let letter = String(UnicodeScalar(UInt8(97 + i % 26)))
            rows.append(SettingRow(id: showID(regime), label: "show (\(letter)) \(regime.title)",
                                   value: now.hidden.contains(regime) ? "off" : "on", apply: .view, kind: .toggle,
                                   steps: ["off", "on"]))
        }
        var pace = row(FlagTable.pace.entry, "pace (s/epoch)", number(now.pace.secondsPerEpoch), .view)
        pace.range += " (0: flat out)"
        rows.append(pace)
        return rows
    }

    /// A number as a person writes it: whole numbers without ".0" ("100", "0.005", "5e-05").
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }

    /// A checked value as the flash line says it ("50" for "50.0").
    static func spoken(_ text: String) -> String {
        guard !text.contains(","), let v = Double(text) else { return text }
        return number(v)
    }

    /// The id of the row that shows or hides `regime`.
    static func showID(_ regime: Regime) -> String { "show:\(regime.rawValue)" }

    /// A row of `entry`: its range, steps and check, the flag's refusal line as the panel's.
    static func row(_ entry: FlagEntry, _ label: String, _ value: String, _ apply: SettingApply,
                    kind: SettingKind = .value) -> SettingRow {
        var isNumber = false
        if case .number = entry.kind { isNumber = true }
        let number = isNumber
        let say: @Sendable (String) -> String = { text in number ? spoken(text) : text }
        return SettingRow(id: entry.flag, label: label, value: value, range: entry.kind.helpPhrase, apply: apply,
                          kind: kind, steps: entry.steps.map(say)) { text in
            do throws(FlagValueError) {
                return .success(say(try entry.check(text)))
            } catch {
                return .failure(SettingRefusal(error.message))
            }
        }
    }

    /// The data row: a built-in recipe or data set (what `--dataset` takes by name).
    static func dataRow(_ origin: DataOrigin) -> SettingRow {
        let names = BuiltinRecipe.allCases.map(\.name) + BuiltinDataset.allCases.map(\.name)
        let value = origin.file ?? origin.recipe?.name ?? "default"
        return SettingRow(id: "--dataset", label: "data", value: value, range: names.joined(separator: ", "),
                          apply: .restart, kind: .choice, steps: names)
    }

    /// A MaxNorm rule as the radius flag spells it; a relative rule (`--maxnorm-thresh`) says so.
    static func spell(_ rule: MaxNormRule) -> String {
        switch rule {
        case .radius(let r): number(r)
        case .relative(let t): "thresh \(t)"
        }
    }
}
