import Foundation
import NormscopeTestSupport
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// Histories of any length, thinned as a trainer thins them, go through JSON, SVG and CSV with every value
/// at its own epoch. Each norm encodes its epoch and class (`1 + epoch / 10^6 + class / 10^3`), so a value
/// read at the wrong epoch shows.
struct HistoryRoundTripTests {
    static func norm(epoch: Int, class k: Int) -> Double { 1 + Double(epoch) / 1e6 + Double(k) / 1e3 }

    /// Results with the five stage-1 regimes grown to `epochs` epochs and two stage-2 runs grown to `epochs` too.
    static func results(epochs: Int, classes: Int = 4) -> ResultsFile {
        let recipe = DatasetRecipe(name: "rt", classes: classes, dimension: 2, maxPerClass: 40, imbalance: 10,
                                   testPerClass: 2, modesPerClass: 1, latentDimension: 2, noise: 0.5)
        let data = SyntheticGenerator.generate(recipe, seed: 1)
        var config = RunConfig(dataset: DataOrigin(recipe: recipe, file: nil, dataset: data),
                               training: TrainingConfig(hidden: [4], epochs: epochs), regimes: Regime.all)
        config.stage2 = Stage2Config(variants: [.cbWD, .cbWDMaxNorm], epochs: epochs)
        func grown(_ id: RunID) -> RunHistory {
            var h = RunHistory(id: id, plannedEpochs: epochs, stage2StartEpoch: id.isStage2 ? 0 : nil)
            for e in 0...epochs {
                h.append(EpochRecord(epoch: e, norms: (0..<classes).map { norm(epoch: e, class: $0) }, trainLoss: Double(e),
                                     accuracy: AccuracySummary(all: 0, many: 0, medium: 0, few: 0)))
                h.downsampleIfNeeded()
            }
            return h
        }
        let ids = Regime.all.map { RunID($0) } + [RunID(.wd, .cbWD), RunID(.wd, .cbWDMaxNorm)]
        return ResultsFile(config: config, classCounts: recipe.classCounts, classLabels: Array(0..<classes),
                           runs: ids.map(grown))
    }

    @Test("JSON, CSV and SVG keep every value at its epoch", arguments: [1, 2, 1_023, 1_024, 1_025, 5_000])
    func roundTrip(epochs: Int) throws {
        let r = Self.results(epochs: epochs)
        for h in r.runs {
            #expect(h.records.count <= RunHistory.rowLimit && h.records.first?.epoch == 0 && h.epochsDone == epochs)
            #expect(h.records.allSatisfy { rec in rec.norms.enumerated().allSatisfy { $0.element == Self.norm(epoch: rec.epoch, class: $0.offset) } })
        }
        // JSON: the same results back, byte for byte on a second write.
        let bytes = try r.encoded()
        let back = try ResultsFile.decode(bytes, path: "r.json")
        #expect(back == r)
        #expect(try back.encoded() == bytes)
        // CSV: every line's norm is the one of its epoch and class, and each run lists exactly its kept epochs.
        var epochsByRun: [String: [Int]] = [:]
        for line in FigureCSV.render(results: back).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let (e, k, v) = (Int(f[2])!, Int(f[3])!, Double(f[5])!)
            #expect(v == Self.norm(epoch: e, class: k), "\(line)")
            if k == 0 { epochsByRun[f[0], default: []].append(e) }
        }
        for h in back.runs { #expect(epochsByRun[h.name] == h.records.map(\.epoch), "\(h.name)") }
        // SVG: well-formed, and every row of every heatmap is painted (a finished run leaves no gap).
        let svg = FigureSVG.render(results: back)
        #expect(XMLCheck.problem(in: svg) == nil, "well-formed XML")
        let panel = try #require(svg.range(of: "<g id=\"panel-a\""))
        let end = try #require(svg[panel.upperBound...].range(of: "</g>"))
        var rows = Set<Int>()
        for part in svg[panel.upperBound..<end.upperBound].components(separatedBy: "M").dropFirst() {
            let fields = part.split(separator: " ", maxSplits: 1)
            if fields.count == 2, let row = Int(fields[1].prefix { $0.isNumber }) { rows.insert(row) }
        }
        #expect(rows == Set(0..<min(FigureSVG.maxRows, epochs + 1)))
    }
}
