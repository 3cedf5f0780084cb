import Foundation
import NormscopeEngine

/// A change of setting mid-run as a panel marks it: the epoch from which it applies and a short label
/// ("WD 5e-3", "δ 0.8", "lr 0.03"); the figure's painters and the live heatmap's gutter draw it.
package struct ChangeMark: Equatable, Sendable {
    /// The first epoch trained with the new value (the mark sits at the row after `epoch` epochs).
    package var epoch: Int
    /// What changed, short: the setting's symbol ("WD", "δ", "lr", "mom").
    package var symbol: String
    /// The new value, short ("5e-3", "0.8").
    package var value: String

    package init(epoch: Int, symbol: String, value: String) {
        self.epoch = epoch
        self.symbol = symbol
        self.value = value
    }

    /// The mark of `change`.
    package init(_ change: ConfigChange) {
        self.init(epoch: change.epoch, symbol: change.setting.shortLabel, value: Self.short(change.value))
    }

    /// Symbol and value: "WD 5e-3".
    package var label: String { "\(symbol) \(value)" }

    /// The marks of `changes` that affect `regime`, in epoch order.
    package static func marks(_ changes: [ConfigChange], for regime: Regime) -> [ChangeMark] {
        ConfigChange.inEpochOrder(changes).filter { $0.setting.affects(regime) }.map(ChangeMark.init)
    }

    /// A value in at most a few characters: "0", "5e-3", "1.2e-4", "0.03", "0.8", "12".
    package static func short(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return v == 0 ? "0" : "\(v)" }
        if abs(v) < 0.01 || abs(v) >= 10_000 {
            let e = Int((log10(abs(v))).rounded(.down))
            var m = v / pow(10, Double(e))
            m = (m * 100).rounded() / 100
            return "\(SVGText.num(m, 2))e\(e)"
        }
        return SVGText.num(v, 3)
    }
}

extension Heatmap {
    /// Each change mark in the gutter at its epoch's row: the setting's symbol (ASCII where the glyphs are)
    /// and a marker pointing at the row, in the accent style; the round-epoch label there gives way.
    func drawChangeMarks(_ canvas: inout Canvas, _ g: HeatmapGeometry, rows: Int, glyphs: Glyphs, theme: Theme) {
        guard gutter >= 2 else { return }
        for m in changeMarks where m.epoch <= lastEpoch {
            let row = g.row(ofEpoch: m.epoch)
            guard row < rows else { continue }
            var symbol = glyphs.upperHalf == nil && m.symbol == "δ" ? "d" : m.symbol
            if symbol.count > gutter - 1 { symbol = String(symbol.prefix(gutter - 1)) }
            canvas.put(String(repeating: " ", count: gutter - 1), x: 0, y: row, style: theme.accent)
            canvas.put(symbol, x: gutter - 1 - symbol.count, y: row, style: theme.accent)
            canvas.put(String(glyphs.markerRight), x: gutter - 1, y: row, style: theme.accent)
        }
    }
}
