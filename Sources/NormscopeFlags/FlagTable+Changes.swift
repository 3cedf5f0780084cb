import NormscopeEngine

extension FlagTable {
    /// The row of the flag that sets `setting` at the start: its name is what `--change` calls the setting,
    /// and its range and message are what a change's value must meet.
    package static func entry(for setting: ScheduledSetting) -> FlagEntry {
        switch setting {
        case .weightDecay: weightDecay.entry
        case .maxNormRadius: maxNormRadius.entry
        case .wdMaxNormRadius: wdMaxNormRadius.entry
        case .learningRate: learningRate.entry
        case .momentum: momentum.entry
        }
    }

    /// The scheduled setting `--change` calls `name` (`weight-decay`, `lr`), if any.
    package static func scheduledSetting(named name: String) -> ScheduledSetting? {
        ScheduledSetting.allCases.first { entry(for: $0).name == name }
    }

    /// One `--change` entry as the command line spells it: `50:weight-decay=0.005`.
    package static func spell(_ change: ConfigChange) -> String {
        "\(change.epoch):\(entry(for: change.setting).name)=\(spellNumber(change.value))"
    }

    /// A number as the flags spell it: shortest text that reads back to the same value (`0.005`, `1e-05`, `2`).
    static func spellNumber(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }
}
