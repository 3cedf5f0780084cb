import Foundation
import NormscopeDraw
import NormscopeEngine
import Testing

/// Long runs keep bounded histories (RegimeHistory.downsampleIfNeeded), and the live view still lays
/// the kept rows out at their epochs.
@Suite("bounded histories")
struct HistoryBoundTests {
    /// A history grown one epoch at a time, every value equal to its epoch (so kept rows can be checked).
    static func grown(to epochs: Int, classes: Int = 3, limit: Int = RegimeHistory.rowLimit,
                      check: ((RegimeHistory, Int) -> Void)? = nil) -> RegimeHistory {
        var h = RegimeHistory(name: "naive")
        for e in 0...epochs {
            h.norms.append(Array(repeating: Double(e), count: classes))
            h.trainLoss.append(Double(e))
            h.accuracyHistory.append(AccuracySummary(all: Double(e), many: 0, medium: 0, few: 0))
            h.downsampleIfNeeded(limit: limit)
            check?(h, e)
        }
        return h
    }

    @Test("up to the limit nothing changes and the JSON has no normEpochs")
    func underTheLimit() throws {
        let h = Self.grown(to: RegimeHistory.rowLimit - 1)
        #expect(h.normEpochs == nil && h.norms.count == RegimeHistory.rowLimit && h.epochsDone == RegimeHistory.rowLimit - 1)
        #expect(h.norms.enumerated().allSatisfy { $0.element[0] == Double($0.offset) }, "row e is epoch e")
        let json = String(decoding: try JSONEncoder().encode(h), as: UTF8.self)
        #expect(!json.contains("normEpochs"))
    }

    @Test("growing to 20,000 epochs: at most 1,024 rows, every row real and labelled with its epoch")
    func growth() throws {
        var worst = 0, checked = 0
        let h = Self.grown(to: 20_000) { h, e in
            worst = max(worst, h.norms.count)
            #expect(h.epochsDone == e)
            guard e % 97 == 0 || e > 19_990, let epochs = h.normEpochs else { return }
            checked += 1
            #expect(epochs.count == h.norms.count && h.trainLoss.count == h.norms.count && h.accuracyHistory.count == h.norms.count)
            #expect(epochs.first == 0 && epochs.last == e)
            #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0 < $1 }, "increasing")
            #expect(zip(epochs, h.norms).allSatisfy { Double($0) == $1[0] } && zip(epochs, h.trainLoss).allSatisfy { Double($0) == $1 },
                    "each kept row is the measurement of its epoch")
            #expect(h.norms.count >= RegimeHistory.rowLimit / 2, "resolution stays above half the limit")
            // Evenly spaced apart from the latest row.
            let gaps = Set(zip(epochs, epochs.dropFirst()).dropLast().map { $1 - $0 })
            #expect(gaps.count <= 1, "one stride: \(gaps)")
        }
        #expect(worst <= RegimeHistory.rowLimit)
        #expect(checked > 100)
        let json = String(decoding: try JSONEncoder().encode(h), as: UTF8.self)
        #expect(json.contains("normEpochs"))
        #expect(try JSONDecoder().decode(RegimeHistory.self, from: JSONEncoder().encode(h)) == h, "round trip")
    }

    @Test("the stage boundary row survives downsampling and keeps pointing at its epoch")
    func stageBoundary() {
        var h = Self.grown(to: 700)
        h.stageBoundary = 613
        for e in 701...6_000 {
            h.norms.append([Double(e)])
            h.trainLoss.append(Double(e))
            h.accuracyHistory.append(AccuracySummary(all: 0, many: 0, medium: 0, few: 0))
            h.downsampleIfNeeded()
        }
        let b = try! #require(h.stageBoundary)
        #expect(h.epoch(ofRow: b) == 613 && h.norms[b][0] == 613)
        #expect(h.norms.count <= RegimeHistory.rowLimit && h.epochsDone == 6_000)
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
        #expect(!r.interrupted && r.regimes.count == 5)
        for h in r.regimes where h.diverged == nil {
            #expect(h.norms.count <= RegimeHistory.rowLimit && h.norms.count >= RegimeHistory.rowLimit / 2, "\(h.name): \(h.norms.count)")
            #expect(h.epochsDone == 1_500 && h.normEpochs?.last == 1_500 && h.normEpochs?.first == 0)
            #expect(h.trainLoss.count == h.norms.count && h.accuracyHistory.count == h.norms.count)
        }
        let file = String(decoding: try r.encoded(), as: UTF8.self)
        #expect(file.contains("\"normEpochs\""))
    }

    @Test("a downsampled panel draws like the full one: same layout, labels, and nearly the same colours")
    func drawing() {
        let epochs = 5_000
        var full = RegimeHistory(name: "naive")
        for e in 0...epochs { full.norms.append((0..<20).map { k in 2.0 * Double(e) / Double(epochs) * (1 - Double(k) / 40) }) }
        full.trainLoss = Array(repeating: 0, count: full.norms.count)
        full.accuracyHistory = Array(repeating: AccuracySummary(all: 0, many: 0, medium: 0, few: 0), count: full.norms.count)
        var thin = full
        thin.downsampleIfNeeded()
        #expect(thin.norms.count <= RegimeHistory.rowLimit && thin.normEpochs != nil)
        let options = RenderOptions()
        func canvas(_ h: RegimeHistory) -> Canvas {
            PanelView(PanelModel(history: h, index: 0, totalEpochs: epochs), vmax: 2).render(width: 44, height: 30, options: options)
        }
        let a = canvas(full), b = canvas(thin)
        #expect(a.plainText == b.plainText, "same glyphs and labels:\n\(a.plainText)\n---\n\(b.plainText)")
        #expect(b.plainText.contains("now: epoch 5000") && b.plainText.contains("5000"))
        let same = zip(a.cells, b.cells).filter { $0 == $1 }.count
        #expect(Double(same) >= 0.95 * Double(a.cells.count), "\(same) of \(a.cells.count) cells equal")
        // The curves place the kept values at their epochs too.
        let curves = DashboardModel.curves([thin], totalEpochs: epochs)
        #expect(curves.first?.series.first?.epochs == thin.normEpochs)
    }
}
