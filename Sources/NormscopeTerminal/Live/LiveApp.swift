import Foundation
import NormscopeDraw
import NormscopeEngine

/// The live view: trains the experiment on worker threads and draws the paper's Fig. 2 as it forms.
package final class LiveApp {
    var config: LiveConfiguration
    var current: LiveRun
    var seed: UInt64
    var pace: Pace
    var paused = false
    private var view: DashboardView = .heatmapProfile
    private var colorMap: ColorMapKind
    var showHelp = false
    /// The class under the class cursor (0 the most frequent), or nil while it is hidden (see LiveApp+Cursor).
    var cursor: Int?
    private var message: (text: String, until: Date)?
    var demo: DemoScript?
    var holdStarted: Date?
    /// The settings panel and what it changed.
    var settings = LiveSettingsState()
    /// Opt-in answer timings (`NORMSCOPE_LATENCY_LOG`).
    var latency = LatencyLog()
    /// Until when a second `r` restarts (the first one asks).
    private var restartAskedUntil: Date?
    /// The frame read this turn of the loop: the only way the view reads training.
    var latest: LiveFrame
    /// The frame on screen (what an export writes); nil until the first is drawn after a (re)start.
    var shown: LiveFrame?
    private let exporter: Exporter
    private let recorder: CastRecorder?
    /// Every time the view reads (see `LiveClock`).
    let clock: any LiveClock

    /// Builds the first run; throws (before touching the terminal) if the experiment is invalid.
    package init(_ config: LiveConfiguration) throws {
        self.config = config
        seed = config.seed
        pace = config.demo ? DemoScript.pace(epochs: 0) : config.pace
        colorMap = config.colorMap
        clock = config.clock
        let experiment = try config.makeExperiment(config.seed)
        // A live view that cannot start must not leave an empty recording (nor start training): the terminal
        // is checked before either.
        if config.recording != nil, case .failure(let reason) = TerminalCheck.check() { throw reason }
        current = LiveRun(experiment: experiment, threads: config.threads, stage2Epochs: config.stage2.epochs,
                          clock: config.clock)
        latest = current.frame()
        exporter = Exporter(directory: config.exportDirectory)
        recorder = try config.recording.map { try CastRecorder(path: $0.path, shownAs: $0.shownAs, title: $0.title) }
        if config.demo {
            demo = DemoScript(epochs: experiment.config.epochs, classCounts: experiment.dataset.classCounts,
                              regimes: experiment.regimes.count)
            pace = config.demoPace ?? DemoScript.pace(epochs: experiment.config.epochs)
        }
    }

    /// Runs the view until the user quits (or the demo ends); returns the exit status.
    /// Throws `TerminalUnavailable` when there is no usable terminal.
    package func run() throws -> Int32 {
        defer { current.stop() }
        var screenOptions = TerminalScreen.Options(color: config.noColor ? .never : .auto)
        screenOptions.mouse = true  // a click in a heatmap moves the class cursor (LiveApp+Cursor)
        var started = false
        // The screen refused to start after all (ncurses said no): the recording never began, remove it.
        defer { if !started { recorder?.abandon() } }
        return try TerminalSession.run(options: screenOptions) { (session: TerminalSession) throws -> Int32 in
            started = true
            self.recorder?.begin(session.capabilities)
            // Finished while the screen is live (a signal exits right after): the report waits with stderr.
            defer { if let r = self.recorder { DescriptorWrite.all(2, r.finish(at: self.clock.now()) + "\n") } }
            return self.loop(session)
        }
    }

    private func loop(_ session: TerminalSession) -> Int32 {
        let screen = session.screen
        var lastVersion: UInt64 = .max
        var lastSize = TerminalSize(rows: -1, cols: -1)
        var lastFrame = Date.distantPast
        var dirty = true      // redraw soon: a key, a resize, a message
        var progressed = false  // redraw at the progress frame rate: training advanced
        while session.interruptSignal == nil {
            // While a restart is being built, look for it every few milliseconds: its first frame is drawn at once.
            if let key = screen.readKey(timeoutMs: settings.pending == nil ? 33 : 4) {
                latency.key(at: clock.now())
                switch handle(key, screen: screen) {
                case .quit: return 0
                case .redraw: dirty = true
                case .none: break
                }
            }
            var adopted = false
            if adoptRestart() { dirty = true; adopted = true }
            let now = clock.now()
            let frame = current.frame()  // the one read of training this turn
            latest = frame
            if demo != nil {
                switch demo!.tick(now: now, frame: frame) {
                case .continue: break
                case .startStage2: startStage2()
                case .change(let setting, let value): changeFromDemo(setting, to: value)
                case .finished:
                    if holdStarted == nil { holdStarted = now }
                }
                if let s = holdStarted, now.timeIntervalSince(s) >= config.hold ?? DemoScript.finalHoldSeconds { return 0 }
            } else if config.hold != nil, frame.finished {
                if holdStarted == nil { holdStarted = now }
                if now.timeIntervalSince(holdStarted!) >= config.hold! { return 0 }
            }
            // While a restart is being built the old run holds still (its epochs under way are held too, see startRun).
            current.pace(pace, paused: paused || demo?.holdsTraining == true || settings.pending != nil, now: now)
            if let m = message, m.until < now { message = nil; dirty = true }
            let size = screen.size
            if size != lastSize { dirty = true; lastSize = size }
            if frame.version != lastVersion { progressed = true; lastVersion = frame.version }
            // Redraw after a key or resize at up to ~30 frames a second, for training progress at up to
            // Self.progressFPS (at flat out every epoch changes the figure: drawing each one would take the
            // CPU from training), and once a second for the clock.
            let sinceFrame = now.timeIntervalSince(lastFrame)
            if sinceFrame >= 1 || (progressed && sinceFrame >= 1.0 / Self.progressFPS) { dirty = true }
            if dirty && (sinceFrame >= 1.0 / 30 || adopted) {
                progressed = false
                let canvas = renderDashboard(model(of: frame), width: size.cols, height: size.rows,
                                             options: renderOptions(screen.capabilities))
                shown = frame
                screen.draw(canvas)
                latency.frame(at: clock.now())
                recorder?.frame(canvas, at: now)
                lastFrame = now
                dirty = false
            }
        }
        return 0
    }

    /// Frames a second while training advances on its own.
    static let progressFPS = 10.0

    enum KeyOutcome { case none, redraw, quit }

    private func handle(_ key: Key, screen: TerminalScreen) -> KeyOutcome {
        if settings.panel != nil {
            // Too small a screen shows only "enlarge or press q": the panel is not seen, and q does what it says.
            if key == .char("q") || key == .char("Q"), tooSmall(screen) { return .quit }
            return handleSettingsKey(key, screen: screen)
        }
        switch key {
        case .char("q"), .char("Q"), .ctrlC:
            return .quit
        case .char(" ") where trainingOver, .char("n") where trainingOver:
            flash(nothingToTrain())  // a pause no one can see would hold stage 2 (or a restart) at epoch 0
        case .char(" "):
            paused.toggle()
            demo?.userTookControl()
        case .char("n"):
            paused = true
            demo?.userTookControl()
            current.step()
        case .char("+"), .char("="):
            pace.faster()
            demo?.userTookControl()
        case .char("-"), .char("_"):
            pace.slower()
            demo?.userTookControl()
        case .char("v"):
            view = view.next
        case .char("c"):
            colorMap = colorMap == .jet ? .viridis : .jet
            if let why = colorMapUnseen(screen) { flash(why) }
        case .char("?"), .function(1), .char("h"):
            showHelp.toggle()
        case .char("2"):
            let started = latest.stage2Started
            if !startStage2() { flash("stage 2 starts once stage 1 has finished") } else if !started { paused = false }
        case .char("r"):
            // A run in progress is only thrown away on a second r.
            if latest.finished || restartAskedUntil.map({ $0 > clock.now() }) == true {
                restartAskedUntil = nil
                restart()
            } else {
                restartAskedUntil = clock.now().addingTimeInterval(4)
                flash("press r again to restart with a new seed (this run is discarded)", seconds: 4)
            }
        case .char("e"):
            export()
        case .char("s"):
            openSettings()
        case .ctrlL:
            screen.forceRedraw()
        case .resize:
            break
        case .click(let x, let y):
            cursor = dashboardClass(model(of: shown ?? latest), atX: x, y: y, width: screen.size.cols, height: screen.size.rows) ?? cursor
        case _ where LiveApp.movesCursor(key):
            cursor = LiveApp.cursor(after: key, from: cursor, classes: current.experiment.dataset.classCount)
        case .escape:
            if showHelp { showHelp = false } else if cursor != nil { cursor = nil } else { return .none }
        default:
            if demo != nil, holdStarted != nil { return .quit }  // any key ends the demo's final screen
            return .none
        }
        if demo != nil, holdStarted != nil, key != .resize, key != .ctrlL { return .quit }
        return .redraw
    }

    /// Starts stage 2 if stage 1 is done and stage 2 has not started; returns whether it is (now) running.
    @discardableResult
    private func startStage2() -> Bool {
        current.startStage2(config.stage2)
    }

    private func restart() {
        startRun(seed: seed &+ 1, overrides: settings.overrides, message: "restarted with seed \(seed &+ 1)", before: [:])
    }

    private func export() {
        // The frame on screen, so the files show what the user saw.
        let results = current.results(of: (shown ?? latest).run)
        switch exporter.export(results, seed: seed, colorMap: colorMap, vmax: config.vmax, now: clock.now()) {
        case .success(let paths): flash(exporter.summary(of: paths) + " · reproduce: " + reproducingCommand(), seconds: 12)
        case .failure(let e): flash("export failed, training goes on: \(e.description)", seconds: 12)
        }
    }

    /// Why the colour map just switched shows nowhere on screen (no colours, or a view the norm map does not
    /// colour), or nil when it shows.
    private func colorMapUnseen(_ screen: TerminalScreen) -> String? {
        if renderOptions(screen.capabilities).colorMode == .none {
            return "colour map \(colorMap.rawValue): no colours here, the shades stay"
        }
        guard view == .curves || view == .classAccuracy else { return nil }
        return "colour map \(colorMap.rawValue): it colours the norm views (v), not this one"
    }

    /// Whether `screen` is too small for the dashboard (only the notice is drawn).
    private func tooSmall(_ screen: TerminalScreen) -> Bool {
        dashboardIsTooSmall(model(of: shown ?? latest), width: screen.size.cols, height: screen.size.rows)
    }

    /// Whether the run has no epoch left to train (stage 1 done, or stage 2 done), outside the demo.
    private var trainingOver: Bool { latest.finished && demo == nil }

    /// What space or n says once training has finished: there is no epoch left to pause or step.
    private func nothingToTrain() -> String {
        latest.stage2Started ? "training has finished: r restarts with a new seed, e exports"
            : "stage 1 has finished: 2 starts stage 2, r restarts with a new seed"
    }

    func flash(_ text: String, seconds: Double = 6) { message = (text, clock.now().addingTimeInterval(seconds)) }

    private func renderOptions(_ caps: Capabilities) -> RenderOptions {
        let mode: ColorMode
        switch caps.colors {
        case 256...: mode = .full256
        case 16..<256: mode = .basic16
        case 8..<16: mode = .basic8
        default: mode = .none
        }
        return RenderOptions(colorMode: config.noColor ? .none : mode,
                             glyphs: config.ascii || !caps.utf8 ? .ascii : .unicode, colorMap: colorMap)
    }

    /// The dashboard of `frame`, with the view's own state (pause, view, help, demo, message).
    private func model(of frame: LiveFrame) -> DashboardModel {
        let snapshot = frame.run  // every panel at the header's epoch
        // The demo ends on the paper's Fig. 2: stage 1's panels, with stage 2 in the table.
        let figure2 = demo != nil && holdStarted != nil
        let histories = figure2 ? snapshot.stage1 : frame.panelHistories
        let total = figure2 ? frame.stage1Epochs : frame.plannedEpochs
        let counts = current.experiment.dataset.classCounts
        let panels = histories.enumerated().map { i, h in
            var p = PanelModel(history: h, index: i, totalEpochs: total)
            frame.applyChanges(to: &p, of: h)
            p.title = h.id.base.title  // the rule and the table say which stage 2 continues it
            if frame.stage2Started && p.accuracyStage == nil { p.accuracyStage = 1 }  // two stages: say which
            if let head = counts.first, let tail = counts.last { p.classSizes = (head, tail) }
            return p
        }
        let stage = frame.stage
        let progress = snapshot.progress
        var status = StatusModel(stageLabel: stage.label, epoch: stage.epoch, totalEpochs: stage.epochs,
                                 learningRate: frame.learningRate, elapsedSeconds: progress.elapsedSeconds,
                                 samplesPerSecond: progress.samplesPerSecond, paused: paused,
                                 finished: frame.finished, paceLabel: demo != nil && !demo!.userInControl ? "demo" : pace.label)
        status.stateNote = frame.preparingStage2 ? "preparing stage 2" : demo?.holdsTraining == true && !paused ? "intro" : nil
        var hint: String? = message?.text
        if hint == nil && frame.finished && demo == nil && cursor == nil {
            // Training keys (space, n, +/-, 2) do nothing now: say what still does.
            hint = frame.stage2Started ? "stage 2 done: e exports, v changes the view, r restarts"
                : "stage 1 done: 2 retrains the classifiers (stage 2), e exports"
        }
        let d = current.experiment.dataset
        var model = DashboardModel(panels: panels, vmax: config.vmax, status: status,
                                   caption: demo?.caption, message: hint,
                                   curves: DashboardModel.curves(histories, totalEpochs: total), view: view,
                                   showHelp: showHelp,
                                   help: KeyHelp.available(trainingFinished: frame.finished, stage2Started: frame.stage2Started,
                                                          paused: paused),
                                   title: "normscope",
                                   subtitle: "\(d.name): \(d.classCount) classes, \(d.trainCount) samples, seed \(seed)")
        model.overflow = DashboardModel.overflow(histories, vmax: config.vmax)
        (model.cursor, model.classCounts, model.testClassCounts) = (cursor ?? demo?.cursor, counts, d.testClassCounts)
        if let demo { model.captionsToCome = demo.allCaptions }  // one caption height for the whole tour
        showSettings(in: &model, bases: histories.map(\.id.base))
        let groups = Set(counts.map(ClassGroup.init(trainingCount:)))
        model.emptyGroupColumns = Set([ClassGroup.many, .medium, .few].enumerated().filter { !groups.contains($0.1) }.map(\.0))
        if frame.stage2Started {
            model.showStage2(AccuracyTable.stage2Tables(snapshot, panels: panels))
        }
        return model
    }
}
