import NormscopeEngine

/// The titles of the figure's profile plots, shared by the SVG and the raster figure.
///
/// A profile is "at the end of" a stage only once the stage has run to its planned end; a figure of a run
/// still training (the live view's `e`) or interrupted says which epoch it shows.
enum FigureTitles {
    /// The stage-1 profile's title, drawn at `epoch` of `planned`.
    static func stage1Profile(letter: String, epoch: Int, planned: Int) -> String {
        epoch >= planned ? "(\(letter)) norms at the end of stage 1" : "(\(letter)) norms after epoch \(epoch)"
    }

    /// The stage-2 profile's title for the variants trained on `base`'s features, drawn at stage-2 `epoch` of
    /// `planned` (nil: before stage 2 is shown).
    static func stage2Profile(letter: String, base: RunID, epoch: Int?, planned: Int) -> String {
        guard let epoch else { return "(\(letter)) stage 2 on \(base.title) features" }
        return epoch >= planned ? "(\(letter)) norms at the end of stage 2 (on \(base.title) features)"
            : "(\(letter)) stage 2 after epoch \(epoch) (on \(base.title) features)"
    }

    /// The footer: program, classes, epochs, seed, stage 2, and "unfinished run" when it is one.
    static func footer(_ results: ResultsFile, classes: Int, epochs: Int) -> String {
        var foot = "normscope \(results.program.version) · \(counted(classes, "class", "classes")) · "
            + "\(counted(epochs, "epoch", "epochs")) · seed \(results.config.training.seed)"
        if let s = results.config.stage2 { foot += " · stage 2: \(counted(s.epochs, "epoch", "epochs"))" }
        if results.interrupted { foot += " · unfinished run" }
        return foot
    }

    /// "1 epoch", "2 epochs".
    static func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// The stage-2 epochs `histories` were planned to run (at least as many as any has done; 0 for post-hoc
    /// variants, which train nothing).
    static func stage2Planned(_ histories: [RunHistory]) -> Int {
        histories.map { max($0.plannedEpochs, $0.epochsDone) }.max() ?? 0
    }
}
