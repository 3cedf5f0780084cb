import Foundation
@testable import NormscopeDraw
import NormscopeEngine
import Testing

/// Long runs keep bounded histories (RunHistory.downsampleIfNeeded), and the live view still lays
/// the kept rows out at their epochs.
@Suite("bounded histories")
struct HistoryBoundTests {
    /// A history grown one epoch at a time, every value equal to its epoch (so kept rows can be checked).
    static func grown(to epochs: Int, classes: Int = 3, limit: Int = RunHistory.rowLimit,
                      check: ((RunHistory, Int) -> Void)? = nil) -> RunHistory {
        var h = RunHistory(id: RunID(.naive), plannedEpochs: epochs)
        for e in 0...epochs {
            h.append(record(e, classes: classes))
            h.downsampleIfNeeded(limit: limit)
            check?(h, e)
        }
        return h
    }

    /// The record of epoch `e` with every value equal to `e`.
    static func record(_ e: Int, classes: Int = 3) -> EpochRecord {
        EpochRecord(epoch: e, norms: Array(repeating: Double(e), count: classes), trainLoss: Double(e),
                    accuracy: AccuracySummary(all: Double(e), many: 0, medium: 0, few: 0))
    }

    @Test("up to the limit nothing changes")
    func underTheLimit() throws {
        let h = Self.grown(to: RunHistory.rowLimit - 1)
        #expect(h.records.count == RunHistory.rowLimit && h.epochsDone == RunHistory.rowLimit - 1)
        #expect(h.records.enumerated().allSatisfy { $0.element.epoch == $0.offset && $0.element.norms[0] == Double($0.offset) })
    }

    @Test("growing to 20,000 epochs: at most 1,024 rows, every row real and labelled with its epoch")
    func growth() throws {
        var worst = 0, checked = 0
        let h = Self.grown(to: 20_000) { h, e in
            worst = max(worst, h.records.count)
            #expect(h.epochsDone == e)
            guard e % 97 == 0 || e > 19_990, e > RunHistory.rowLimit else { return }
            let epochs = h.records.map(\.epoch)
            checked += 1
            #expect(epochs.first == 0 && epochs.last == e)
            #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0 < $1 }, "increasing")
            #expect(h.records.allSatisfy { Double($0.epoch) == $0.norms[0] && Double($0.epoch) == $0.trainLoss },
                    "each kept row is the measurement of its epoch")
            #expect(h.records.count >= RunHistory.rowLimit / 2, "resolution stays above half the limit")
            // Evenly spaced apart from the latest row.
            let gaps = Set(zip(epochs, epochs.dropFirst()).dropLast().map { $1 - $0 })
            #expect(gaps.count <= 1, "one stride: \(gaps)")
        }
        #expect(worst <= RunHistory.rowLimit)
        #expect(checked > 100)
        #expect(try JSONDecoder().decode(RunHistory.self, from: JSONEncoder().encode(h)) == h, "round trip")
    }

    @Test("the stage boundary row survives downsampling and keeps pointing at its epoch")
    func stageBoundary() throws {
        var h = Self.grown(to: 700, classes: 1)
        h.stage2StartEpoch = 613
        for e in 701...6_000 {
            h.append(Self.record(e, classes: 1))
            h.downsampleIfNeeded()
        }
        let b = try #require(h.records.first { $0.epoch == 613 })
        #expect(b.norms[0] == 613)
        #expect(h.records.count <= RunHistory.rowLimit && h.epochsDone == 6_000)
    }

    @Test("a real run of 1,500 epochs keeps 1,024 rows or fewer per regime, ending at epoch 1,500")
    func realTrainer() throws {
        var recipe = DatasetRecipe.default
        recipe.name = "tiny"
        recipe.classes = 3
        recipe.maxPerClass = 12
        recipe.imbalance = 4
        recipe.testPerClass = 3
        recipe.dimension = 2
        recipe.latentDimension = 2
        let config = TrainingConfig(hidden: [4], batchSize: 16, epochs: 1_500)
        let r = Experiment(recipe: recipe, config: config).run(threads: 2, timings: false)
        #expect(!r.interrupted && r.runs.count == 5)
        for h in r.runs where h.diverged == nil {
            #expect(h.records.count <= RunHistory.rowLimit && h.records.count >= RunHistory.rowLimit / 2, "\(h.name): \(h.records.count)")
            #expect(h.epochsDone == 1_500 && h.records.first?.epoch == 0)
        }
    }

    @Test("a downsampled panel draws like the full one: same layout, labels, and nearly the same colours")
    func drawing() {
        let epochs = 5_000
        var full = RunHistory(id: RunID(.naive), plannedEpochs: epochs)
        for e in 0...epochs {
            full.append(EpochRecord(epoch: e, norms: (0..<20).map { k in 2.0 * Double(e) / Double(epochs) * (1 - Double(k) / 40) },
                                    trainLoss: 0, accuracy: AccuracySummary(all: 0, many: 0, medium: 0, few: 0)))
        }
        var thin = full
        thin.downsampleIfNeeded()
        #expect(thin.records.count <= RunHistory.rowLimit)
        let options = RenderOptions()
        func canvas(_ h: RunHistory) -> Canvas {
            PanelView(PanelModel(history: h, index: 0, totalEpochs: epochs), vmax: 2).render(width: 44, height: 30, options: options)
        }
        let a = canvas(full), b = canvas(thin)
        #expect(a.plainText == b.plainText, "same glyphs and labels:\n\(a.plainText)\n---\n\(b.plainText)")
        #expect(b.plainText.contains("now: epoch 5000") && b.plainText.contains("5000"))
        let same = zip(a.cells, b.cells).filter { $0 == $1 }.count
        #expect(Double(same) >= 0.95 * Double(a.cells.count), "\(same) of \(a.cells.count) cells equal")
        // The curves place the kept values at their epochs too.
        let curves = DashboardModel.curves([thin], totalEpochs: epochs)
        #expect(curves.first?.series.first?.points.map(\.epoch) == thin.records.map(\.epoch))
    }
}
