import Foundation

/// The results JSON of a run: configuration, class counts, and every regime's history.
package struct ResultsFile: Codable, Equatable, Sendable {
    /// The program that wrote the file.
    package var program: ProgramInfo
    /// Enough to rerun the experiment.
    package var config: RunConfig
    /// Training samples per class, most frequent first.
    package var classCounts: [Int]
    /// Original label of each class, in the same order.
    package var classLabels: [Int]
    /// One entry per run: the stage-1 regimes first, then the stage-2 variants and post-hoc normalizations (the
    /// file's key is `regimes`, its name before stage 2 existed).
    package var runs: [RunHistory]
    /// True when the run was stopped (Ctrl-C) before every regime finished.
    package var interrupted: Bool
    /// Test samples per class, most frequent (in training) first; nil in older files.
    package var testClassCounts: [Int]?
    /// The `normscope run ...` command line that writes this file again (`ReproducingCommand.runLine`, set by
    /// the command that writes it); nil in older files and for results not written by a command.
    package var command: String?

    /// The file's keys: the Swift names, except `runs`, which files have always called `regimes`.
    enum CodingKeys: String, CodingKey {
        case program, config, classCounts, classLabels, interrupted, testClassCounts, command
        case runs = "regimes"
    }

    package init(config: RunConfig, classCounts: [Int], classLabels: [Int], runs: [RunHistory],
                interrupted: Bool = false, testClassCounts: [Int]? = nil) {
        program = ProgramInfo()
        self.config = config
        self.classCounts = classCounts
        self.classLabels = classLabels
        self.runs = runs
        self.interrupted = interrupted
        self.testClassCounts = testClassCounts
    }

    /// The file's bytes: pretty-printed JSON with sorted keys, so equal results give equal bytes.
    package func encoded() throws -> Data { try StableJSON.encode(self) }

    /// Largest results file read (4 GB): a results file is refused by its size before a byte is read. The largest
    /// file normscope writes (10,000 classes, 1,024 rows per history, stage 2) is under it; reading one takes
    /// about three times its size in memory.
    package static let maxFileBytes = 4 << 30

    /// Reads a results file of at most `limit` bytes; errors name the file and what is wrong.
    package static func load(path: String, limit: Int = maxFileBytes) throws -> ResultsFile {
        let bytes = try FileBytes.read(path: path, limit: limit, what: "results JSON")
        return try decode(Data(bytes), path: path)
    }

    /// Reads a results file's bytes; errors name `path` and what is wrong. Any damage gives an error, never
    /// a file that a reader could trip over (see `consistencyErrors`).
    package static func decode(_ data: Data, path: String) throws -> ResultsFile {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let file: ResultsFile
        do {
            file = try decoder.decode(ResultsFile.self, from: data)
        } catch {
            // Another of normscope's files (read again only now, as a tree of keys) is named for what it is.
            if let kind = foreignKind(data) {
                throw NormscopeError.badFile("\(path): \(kind.phrase), not a results file — " + howToDraw(kind, path: path))
            }
            if case DecodingError.dataCorrupted(let ctx) = error, ctx.codingPath.isEmpty {
                // Foundation names no key for a number that does not fit its field (an epoch of 0.5): find it.
                throw NormscopeError.badFile("\(path): not a normscope results file (\(Self.locate(data)))")
            }
            throw NormscopeError.badFile("\(path): not a normscope results file (\(Self.describe(error)))")
        }
        if let problem = file.consistencyErrors().first {
            throw NormscopeError.badFile("\(path): not a normscope results file (\(problem))")
        }
        return file
    }

    /// The kind of one of normscope's other files (a reproduce report, a recipe, a data-set CSV), or nil.
    private static func foreignKind(_ data: Data) -> NormscopeFileKind? {
        NormscopeFileKind.of(bytes: data).flatMap { $0 == .results ? nil : $0 }
    }

    /// How to get a figure from a file of `kind` given in place of a results file.
    private static func howToDraw(_ kind: NormscopeFileKind, path: String) -> String {
        switch kind {
        case .recipe, .datasetCSV:
            return "train on it first (normscope run --dataset \(path) -o r.json), then draw r.json"
        default:
            return "figure draws the results of a run (normscope run -o r.json), not a report"
        }
    }

    /// What does not fit together in a decoded file: class lists of different lengths, norms rows that are
    /// not one per class, settings out of their ranges. Empty for every file normscope writes.
    func consistencyErrors() -> [String] {
        var e: [String] = []
        let classes = classCounts.count
        if classes < 1 || classes > 1_000_000 { e.append("'classCounts' must list 1 to 1000000 classes") }
        if runs.isEmpty { e.append("'regimes' is empty: a results file lists at least one run") }
        if classLabels.count != classes { e.append("'classLabels' must have one label per class") }
        if classCounts.contains(where: { $0 < 0 }) { e.append("'classCounts' must not be negative") }
        if let t = testClassCounts, t.count != classes || t.contains(where: { $0 < 0 }) {
            e.append("'testClassCounts' must have one count of 0 or more per class")
        }
        for (i, h) in runs.enumerated() {
            if h.records.contains(where: { $0.norms.count != classes }) {
                e.append("'regimes.\(i).norms' must have one norm per class in every row")
            }
            if h.records.contains(where: { !$0.classAccuracy.isEmpty && $0.classAccuracy.count != classes }) {
                e.append("'regimes.\(i).classAccuracyHistory' must have one value per class in every row")
            }
            if h.records.contains(where: { !$0.predictionCounts.isEmpty && $0.predictionCounts.count != classes }) {
                e.append("'regimes.\(i).predictionCounts' must have one count per class in every row")
            }
            if h.classAccuracy.count != classes && !h.classAccuracy.isEmpty {
                e.append("'regimes.\(i).classAccuracy' must have one value per class")
            }
        }
        if Set(runs.map(\.id)).count != runs.count { e.append("a regime is listed twice in 'regimes'") }
        e += config.training.validationErrors().map { "config.training: " + $0.description }
        if let s = config.stage2 { e += s.validationErrors().map { "config.stage2: " + $0.description } }
        return e
    }

    /// What is wrong with a file `JSONDecoder` called invalid JSON: a JSON syntax error with its line and
    /// column, or the key whose value does not fit (`wrong type at 'regimes.0.epochs.3': expected a whole
    /// number, found 0.5`); "invalid JSON" when neither is found.
    static func locate(_ data: Data) -> String {
        do {
            _ = try JSONValueDecoder.decode(ResultsFile.self, from: [UInt8](data))
        } catch let e as NormscopeError {
            // "<file>:<line>:<column>: JSON syntax error: ..." with an empty file name.
            if case .badFile(let message) = e, message.hasPrefix(":") { return "invalid JSON at line " + message.dropFirst() }
            return "invalid JSON"
        } catch {
            return describe(error)
        }
        return "invalid JSON"
    }

    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String { keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") }
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing key '\(path(ctx.codingPath + [key]))'"
        case DecodingError.typeMismatch(_, let ctx) where ctx.debugDescription.hasPrefix("expected "):
            return "wrong type at '\(path(ctx.codingPath))': \(ctx.debugDescription)"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return "wrong type at '\(path(ctx.codingPath))'"
        case DecodingError.dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return "invalid JSON" }
            let why = ctx.debugDescription.hasPrefix("The given data") ? "" : " (\(ctx.debugDescription))"
            return "bad value at '\(path(ctx.codingPath))'\(why)"
        default:
            return "\(error)"
        }
    }
}

/// Name and version of the program, recorded in results.
package struct ProgramInfo: Codable, Equatable, Sendable {
    package var name = "normscope"
    package var version = ProgramInfo.currentVersion
    package init() {}
    /// The version of this build.
    package static let currentVersion = "0.3.0"
}

extension ResultsFile {
    /// The same results with every wall-clock time set to 0: the file then depends only on the seed, the
    /// settings and the program version, byte for byte (what `normscope run` writes unless `--timings`).
    package func withoutTimings() -> ResultsFile {
        var r = self
        for i in r.runs.indices { r.runs[i].seconds = 0 }
        return r
    }
}
