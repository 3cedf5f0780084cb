/// The settings panel's state: its rows, the row chosen, the values changed but not yet applied, the text
/// being typed and the last refusal.
///
/// A value type driven by `handle(_:)`, one key at a time, so every path is tested without a terminal.
/// ←/→ (or +/-) step the chosen row through its steps, typing replaces its value, Enter applies every changed
/// row at once, Esc drops the typing (or, with nothing typed, every change) and closes.
package struct SettingsPanel: Equatable, Sendable {
    /// The rows, top to bottom.
    package private(set) var rows: [SettingRow]
    /// The chosen row.
    package private(set) var selected = 0
    /// New values by row id, checked, waiting for Enter.
    package private(set) var changes: [String: String] = [:]
    /// The text typed into the chosen row, nil when not typing.
    package private(set) var typing: String?
    /// The last refusal (a typed value out of range), shown until the next key.
    package private(set) var refusal: String?
    /// A note under the rows ("in stage 2 every change restarts").
    package var note: String?
    /// The command line that reproduces the run, shown at the bottom.
    package var command: String?
    /// Whether every change restarts (in stage 2 or after it): the rows say so.
    package var everythingRestarts = false

    package init(rows: [SettingRow], note: String? = nil, command: String? = nil) {
        self.rows = rows
        self.note = note
        self.command = command
    }

    /// A key the panel understands.
    package enum Key: Equatable, Sendable {
        case up, down, left, right, pageUp, pageDown, home, end, enter, escape, backspace
        /// A printable character (digits, `.`, `e`, `-`, `,`, `+`, space).
        case char(Character)
    }

    /// What a key did.
    package enum Outcome: Equatable, Sendable {
        /// The panel stays open (perhaps changed).
        case stay
        /// Closed without applying anything.
        case cancel
        /// Closed; apply these new values (row id and value, in row order; empty when nothing changed).
        case apply([Change])
    }

    /// A new value for a row.
    package struct Change: Equatable, Sendable {
        package var id: String
        package var value: String
        package var apply: SettingApply

        package init(id: String, value: String, apply: SettingApply) {
            self.id = id
            self.value = value
            self.apply = apply
        }
    }

    /// The value row `i` shows: typed text, a change waiting for Enter, or the value now.
    package func shownValue(_ i: Int) -> String {
        if i == selected, let typing { return typing }
        return changes[rows[i].id] ?? rows[i].value
    }

    /// Whether row `i` has a change waiting for Enter.
    package func isChanged(_ i: Int) -> Bool { changes[rows[i].id] != nil }

    /// Handles one key; see the type's summary.
    package mutating func handle(_ key: Key) -> Outcome {
        guard !rows.isEmpty else { return key == .escape || key == .enter ? .cancel : .stay }
        refusal = nil
        switch key {
        case .up, .down, .pageUp, .pageDown, .home, .end:
            guard commitTyping() else { return .stay }
            move(key)
        case .left: step(-1)
        case .right: step(+1)
        case .enter:
            guard commitTyping() else { return .stay }
            return .apply(pendingChanges)
        case .escape:
            if typing != nil { typing = nil } else { return .cancel }
        case .backspace:
            if var t = typing { t.removeLast(t.isEmpty ? 0 : 1); typing = t.isEmpty ? nil : t }
        case .char(let c):
            type(c)
        }
        return .stay
    }

    /// The waiting changes in row order.
    var pendingChanges: [Change] {
        rows.compactMap { r in changes[r.id].map { Change(id: r.id, value: $0, apply: applyShown(r)) } }
    }

    private mutating func move(_ key: Key) {
        let last = rows.count - 1
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(last, selected + 1)
        case .pageUp: selected = max(0, selected - 8)
        case .pageDown: selected = min(last, selected + 8)
        case .home: selected = 0
        default: selected = last
        }
    }

    /// A printable key: space flips a toggle, + and - step (a - inside typed text is a sign: "5e-3"),
    /// digits and `.`, `e`, `-`, `,` type into a value row.
    private mutating func type(_ c: Character) {
        let row = rows[selected]
        if c == " " {
            if row.kind == .toggle { step(+1) }
            return
        }
        if c == "+" || (c == "-" && (typing == nil || row.kind != .value)) {
            step(c == "+" ? +1 : -1)
            return
        }
        guard row.kind == .value, (c.isASCII && c.isNumber) || ".e-,".contains(c) else { return }
        typing = (typing ?? "") + String(c)
    }

    /// Checks the typed text into `changes`; false (with the refusal set) when the row's check refuses it.
    private mutating func commitTyping() -> Bool {
        guard let text = typing else { return true }
        switch rows[selected].check(text) {
        case .success(let value):
            typing = nil
            setChange(value)
            return true
        case .failure(let r):
            refusal = r.message
            return false
        }
    }

    private mutating func setChange(_ value: String) {
        let id = rows[selected].id
        changes[id] = value == rows[selected].value ? nil : value
    }

    /// Moves the chosen row's value `by` steps (a toggle flips; a value between steps goes to the next one).
    private mutating func step(_ by: Int) {
        if typing != nil { guard commitTyping() else { return } }
        let row = rows[selected]
        let now = changes[row.id] ?? row.value
        if row.kind == .toggle { setChange(now == "on" ? "off" : "on"); return }
        guard let next = SettingSteps.next(from: now, steps: row.steps, by: by) else { return }
        setChange(next)
    }
}

extension SettingsPanel {
    /// How a change of `row` applies now: in stage 2 or after it every setting but the view's restarts.
    package func applyShown(_ row: SettingRow) -> SettingApply {
        everythingRestarts && row.apply == .fromNextEpoch ? .restart : row.apply
    }
}
