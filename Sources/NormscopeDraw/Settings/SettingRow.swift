/// One row of the settings panel: a setting's name, its value now, what it may be, and how a change applies.
///
/// Pure data: the live view builds the rows from the flag table (range, steps and the flag's own refusal line),
/// the panel only edits text and asks `check` whether a value is allowed.
package struct SettingRow: Equatable, Sendable {
    /// A stable name the live view knows the row by (the flag, such as `--weight-decay`, or `show:wd`).
    package var id: String
    /// What the row sets, in a few words ("weight decay").
    package var label: String
    /// The value now, as the command line spells it.
    package var value: String
    /// The allowed values in a few words ("between 0 and 1"); empty when the steps say it all.
    package var range: String
    /// How a change takes effect.
    package var apply: SettingApply
    /// What the row takes: a typed value, one of `steps`, or on/off.
    package var kind: SettingKind
    /// Sensible values ←/→ step through, in increasing order (the choices of a choice row).
    package var steps: [String]
    /// The value `text` gives, spelled as the command line spells it, or the one line that refuses it.
    package var check: @Sendable (String) -> Result<String, SettingRefusal>

    package init(id: String, label: String, value: String, range: String = "", apply: SettingApply,
                 kind: SettingKind = .value, steps: [String] = [],
                 check: @escaping @Sendable (String) -> Result<String, SettingRefusal> = { .success($0) }) {
        self.id = id
        self.label = label
        self.value = value
        self.range = range
        self.apply = apply
        self.kind = kind
        self.steps = steps
        self.check = check
    }
}

/// How a changed setting takes effect.
package enum SettingApply: String, Equatable, Sendable {
    /// From the next epoch on, the weights kept (optimizer settings in stage 1).
    case fromNextEpoch = "from next epoch"
    /// A new run from epoch 0 (data and model settings; every setting in stage 2).
    case restart = "restarts"
    /// Only what is drawn changes (which regimes are shown, the pace).
    case view = "view"
}

/// What a settings row takes.
package enum SettingKind: Equatable, Sendable {
    /// A value typed or stepped through (a number, a list of widths).
    case value
    /// One of the row's steps.
    case choice
    /// On or off (steps "off", "on").
    case toggle
}

/// A value refused in the panel: the one line the flag gives for the same value.
package struct SettingRefusal: Error, Equatable, Sendable {
    package var message: String

    package init(_ message: String) { self.message = message }
}

extension SettingRow {
    /// Rows are equal when they show the same: the check is the flag's and is not compared.
    package static func == (a: SettingRow, b: SettingRow) -> Bool {
        a.id == b.id && a.label == b.label && a.value == b.value && a.range == b.range && a.apply == b.apply
            && a.kind == b.kind && a.steps == b.steps
    }
}
