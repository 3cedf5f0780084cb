import Foundation
import NormscopeDraw
import NormscopeEngine
import NormscopeFlags

/// What the settings panel adds to the live view: the open panel, the settings a restart from it applied, the
/// regimes hidden from view.
struct LiveSettingsState {
    /// The panel while it is open.
    var panel: SettingsPanel?
    /// Flag values the panel's restarts applied (flag with dashes to its text), kept for every later restart.
    var overrides: [String: String] = [:]
    /// Regimes the panel hid (view only: they go on training).
    var hidden: Set<Regime> = []
    /// A restart whose experiment is being built on a helper thread.
    var pending: PendingRestart?
    /// Before and after: each regime's final profile and overall accuracy at the last change or restart made
    /// from the panel (a plain `r` clears it).
    var before: [Regime: LiveBefore] = [:]
}

/// A regime's state at the moment of a settings change: its profile (norm per class) and overall accuracy.
struct LiveBefore {
    var norms: [Double]
    var accuracy: Double?
}

extension LiveApp {
    /// Opens the settings panel on the run's settings now.
    func openSettings() {
        demo?.userTookControl()
        let e = current.experiment
        let now = LiveSettingsRows.Now(config: configNow(), origin: e.origin, seed: seed, regimes: e.regimes,
                                       hidden: settings.hidden, pace: pace)
        var panel = SettingsPanel(rows: LiveSettingsRows.rows(now))
        // Stage 1 has no epoch left to change: every change restarts.
        let stage2 = latest.stage2Started || latest.preparingStage2
        panel.everythingRestarts = stage2 || latest.finished
        panel.note = stage2 ? "in stage 2 every change restarts the run from epoch 0"
            : latest.finished ? "stage 1 is done: every change restarts the run from epoch 0" : nil
        panel.command = reproducingCommand()
        settings.panel = panel
    }

    /// A key while the panel is open: the panel's keys edit, Enter applies, Esc (or q, or s) closes, Ctrl-C quits.
    func handleSettingsKey(_ key: Key, screen: TerminalScreen) -> KeyOutcome {
        guard var panel = settings.panel else { return .none }
        let outcome: SettingsPanel.Outcome
        switch key {
        case .ctrlC: return .quit
        case .ctrlL: screen.forceRedraw(); return .redraw
        case .resize: return .redraw
        case .char("q"), .char("Q"), .char("s"): outcome = .cancel
        case .up: outcome = panel.handle(.up)
        case .down: outcome = panel.handle(.down)
        case .left: outcome = panel.handle(.left)
        case .right: outcome = panel.handle(.right)
        case .pageUp: outcome = panel.handle(.pageUp)
        case .pageDown: outcome = panel.handle(.pageDown)
        case .home: outcome = panel.handle(.home)
        case .end: outcome = panel.handle(.end)
        case .enter: outcome = panel.handle(.enter)
        case .escape: outcome = panel.handle(.escape)
        case .backspace: outcome = panel.handle(.backspace)
        case .char(let c): outcome = panel.handle(.char(c))
        default: return .none
        }
        switch outcome {
        case .stay: settings.panel = panel
        case .cancel: settings.panel = nil
        case .apply(let changes):
            settings.panel = nil
            applySettings(changes)
        }
        return .redraw
    }

    /// Applies the panel's changes: view rows at once, then either one restart with every data, model (or, in
    /// stage 2, any) change, or each optimizer change from the next epoch.
    func applySettings(_ changes: [SettingsPanel.Change]) {
        var said: [String] = []
        for change in changes where change.apply == .view { said.append(applyView(change)) }
        let restarts = changes.filter { $0.apply == .restart }
        if !restarts.isEmpty {
            restartWithSettings(restarts)
            return
        }
        // Only a change to the experiment has a before and after: the view's rows (shown regimes, pace) change
        // nothing the dots and the Δ column compare, and must not replace an earlier change's before.
        if changes.contains(where: { $0.apply == .fromNextEpoch }) { rememberBefore() }
        for change in changes where change.apply == .fromNextEpoch {
            guard let setting = ScheduledSetting.allCases.first(where: { FlagTable.entry(for: $0).flag == change.id }),
                  let value = Double(change.value) else { continue }
            let scheduled = current.changeFromNextEpoch(setting, to: value)
            said.append("\(label(change.id)) \(change.value) from epoch \(scheduled.epoch + 1), weights kept")
        }
        if !said.isEmpty { flash(said.joined(separator: "; ")) }
    }

    /// A view row's change (a regime shown or hidden, the pace); returns what to say.
    private func applyView(_ change: SettingsPanel.Change) -> String {
        if change.id == FlagTable.pace.flag, let s = Double(change.value) {
            pace = Pace(secondsPerEpoch: s)
            return "pace \(pace.label)"
        }
        guard let regime = current.experiment.regimes.first(where: { LiveSettingsRows.showID($0) == change.id }) else { return "" }
        if change.value == "off" { settings.hidden.insert(regime) } else { settings.hidden.remove(regime) }
        if settings.hidden.count == current.experiment.regimes.count { settings.hidden.remove(regime) }
        return "\(regime.title) \(settings.hidden.contains(regime) ? "hidden" : "shown")"
    }

    /// Starts a new run from epoch 0 with the changed settings (and every earlier panel restart's); the seed row
    /// sets the seed.
    private func restartWithSettings(_ changes: [SettingsPanel.Change]) {
        var overrides = settings.overrides
        var nextSeed = seed
        for change in changes {
            if change.id == FlagTable.seed.flag { nextSeed = UInt64(change.value) ?? seed; continue }
            overrides[change.id] = change.value
            // Another data set drops the generator's settings given for the old one (a CSV file has none).
            if change.id == "--dataset" && !changes.contains(where: { $0.id == FlagTable.imbalance.flag }) {
                overrides[FlagTable.imbalance.flag] = nil
            }
            if change.id == "--dataset" && !changes.contains(where: { $0.id == FlagTable.profile.flag }) {
                overrides[FlagTable.profile.flag] = nil
            }
        }
        let what = changes.map { "\(label($0.id)) \($0.value)" }.joined(separator: ", ")
        startRun(seed: nextSeed, overrides: overrides, message: "restarted from epoch 0 with \(what)",
                 before: snapshotBefore())
    }

    /// The row's label for flash lines ("weight decay").
    private func label(_ id: String) -> String {
        switch id {
        case FlagTable.weightDecay.flag: "weight decay"
        case FlagTable.maxNormRadius.flag: "MaxNorm radius (d)"
        case FlagTable.wdMaxNormRadius.flag: "MaxNorm radius (e)"
        case FlagTable.learningRate.flag: "learning rate"
        default: String(id.drop { $0 == "-" })
        }
    }

    /// The demo's change: the panel's path (before and after remembered, scheduled from the next epoch).
    func changeFromDemo(_ setting: ScheduledSetting, to value: Double) {
        rememberBefore()
        _ = current.changeFromNextEpoch(setting, to: value)
    }

    /// Remembers every regime's profile and accuracy now, for before and after.
    func rememberBefore() { settings.before = snapshotBefore() }

    /// Every stage-1 regime's latest profile and overall accuracy.
    private func snapshotBefore() -> [Regime: LiveBefore] {
        var out: [Regime: LiveBefore] = [:]
        for h in latest.run.stage1 {
            guard let last = h.records.last else { continue }
            out[h.id.base] = LiveBefore(norms: last.norms, accuracy: h.accuracy.all)
        }
        return out
    }

    /// The panel (when open) over `model`, and without the panels and curves of the regimes it hid; `bases`
    /// are the panels' regimes, in order (letters and colours stay those of the full figure).
    func showSettings(in model: inout DashboardModel, bases: [Regime]) {
        model.settings = settings.panel
        model.helpNotes = helpNotes()
        for (i, base) in bases.enumerated() where i < model.panels.count {
            guard let b = settings.before[base], b.norms.count == model.panels[i].rows.last?.values.count else { continue }
            model.panels[i].before = b.norms
            model.panels[i].accuracyBefore = b.accuracy
        }
        guard !settings.hidden.isEmpty, bases.count == model.panels.count else { return }
        let hiddenSlots = Set(bases.indices.filter { settings.hidden.contains(bases[$0]) })
        model.panels = model.panels.enumerated().filter { !hiddenSlots.contains($0.offset) }.map(\.element)
        for i in model.curves.indices { model.curves[i].series.removeAll { hiddenSlots.contains($0.slot) } }
    }

    /// The help overlay's lines under the keys: the before-and-after marks, the command of the run.
    private func helpNotes() -> [String] {
        guard showHelp else { return [] }
        // One line at 80 columns (r's own line says it clears them).
        return ["after a change from s: dots = the profile before it, Δ = accuracy change",
                reproducingCommand()]
    }

    /// The training settings in force now: the run's, with the changes made from the panel (or `--change`)
    /// that have started.
    private func configNow() -> TrainingConfig {
        var c = current.experiment.config
        for change in current.changes {
            switch change.setting {
            case .weightDecay: c.weightDecay = change.value
            case .maxNormRadius: c.maxNorm = .radius(change.value)
            case .wdMaxNormRadius: c.wdMaxNorm = .radius(change.value)
            case .learningRate: c.learningRate = change.value
            case .momentum: c.momentum = change.value
            }
        }
        return c
    }

    /// The command line that reproduces the run on screen, `--change` entries included.
    func reproducingCommand() -> String {
        let e = current.experiment
        var training = e.config
        training.changes = current.changes
        let stage2 = latest.stage2Started ? latest.run.stage2Config : nil
        let run = RunConfig(dataset: e.origin, training: training, regimes: e.regimes, stage2: stage2)
        return ReproducingCommand.line(for: run, pace: demo == nil ? pace.secondsPerEpoch : nil)
    }
}
