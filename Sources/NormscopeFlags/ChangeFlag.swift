import NormscopeEngine

/// `--change EPOCH:NAME=VALUE`: one scheduled change of an optimizer setting, as the command line spells it.
///
/// NAME is the flag's name without dashes (`weight-decay`, `maxnorm-radius`, `wd-maxnorm-radius`, `lr`,
/// `momentum`) and VALUE is checked by that flag's row (same range, same message). Every refusal is one line
/// that quotes the entry and says how to fix it.
package enum ChangeFlag {
    /// The flag, with its dashes.
    package static let flag = "--change"

    /// The names `--change` takes, comma-separated, in the table's order.
    package static var names: String { ScheduledSetting.allCases.map { FlagTable.entry(for: $0).name }.joined(separator: ", ") }

    /// The help line, with an example.
    package static var help: String {
        "Change an optimizer setting from an epoch on, keeping the weights: EPOCH:NAME=VALUE trains epoch index "
            + "EPOCH onward with NAME (\(names)) set to VALUE; repeatable. Example: --change 50:weight-decay=5e-3."
    }

    /// Reads one entry; throws the one-line message naming the entry and what to give instead.
    package static func parse(_ text: String) throws(FlagValueError) -> ConfigChange {
        func refuse(_ why: String) -> FlagValueError {
            FlagValueError(flag: flag, message: "\(flag) \(quotedEntry(text)): \(why)")
        }
        guard let colon = text.firstIndex(of: ":"), let eq = text[colon...].firstIndex(of: "=") else {
            throw refuse("give EPOCH:NAME=VALUE, for example \(flag) 50:weight-decay=5e-3")
        }
        let epochText = text[..<colon], name = String(text[text.index(after: colon)..<eq])
        let valueText = String(text[text.index(after: eq)...])
        guard let epoch = Int(epochText), epoch >= 0 else {
            throw refuse("the epoch must be a whole number of epochs done before the change (0 for the start)")
        }
        guard let setting = FlagTable.scheduledSetting(named: name) else {
            if let row = FlagTable.entry(named: name) {
                throw refuse("data and model settings cannot change mid-run: they restart; give \(row.flag) at the start instead (settings that can change: \(names))")
            }
            throw refuse("no setting '\(name)'; settings that can change: \(names)")
        }
        let spelled: String
        do { spelled = try FlagTable.entry(for: setting).check(valueText) } catch { throw refuse(error.message) }
        guard let value = Double(spelled) else { throw refuse("give a number") }
        return ConfigChange(epoch: epoch, setting: setting, value: value)
    }

    /// The first change of `changes` whose epoch lies outside a run of `epochs`, as its one-line message.
    package static func epochProblem(_ changes: [ConfigChange], epochs: Int) -> FlagValueError? {
        guard let c = changes.first(where: { $0.epoch >= epochs }) else { return nil }
        return FlagValueError(flag: flag, message: "\(flag) \(FlagTable.spell(c)): epoch \(c.epoch) is past the end of the run: give an epoch from 0 to \(epochs - 1) (\(FlagTable.epochs.flag) \(epochs))")
    }

    /// The entry as the message quotes it (as typed, quoted for a shell when it needs quoting).
    private static func quotedEntry(_ text: String) -> String { ReproducingCommand.quoted(text) }
}
