import Foundation
import Testing
@testable import NormscopeDraw

/// Renders the synthetic dashboard and prints it, to eyeball in the test log.
/// With `NORMSCOPE_PREVIEW_DIR` set, also writes ANSI captures there (`cat` them in a 256-colour terminal),
/// of variants (colour modes, ASCII, views, help, divergence); `NORMSCOPE_PREVIEW_SIZES=200x60,400x120` adds sizes.
@Suite("Preview")
struct PreviewTests {
    static let sizes = ["80x24", "160x48"] + (ProcessInfo.processInfo.environment["NORMSCOPE_PREVIEW_SIZES"]?
        .split(separator: ",").map(String.init) ?? [])

    @Test(arguments: sizes)
    func printSyntheticDashboard(size: String) throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        let (w, h) = (parts[0], parts[1])
        let model = SyntheticDashboard.model(epoch: 120)
        let canvas = renderDashboard(model, width: w, height: h, options: .standard)
        print("── synthetic dashboard \(w)x\(h) ──\n" + canvas.plainText)
        #expect(canvas.width == w && canvas.height == h)
        if let dir = ProcessInfo.processInfo.environment["NORMSCOPE_PREVIEW_DIR"] {
            var variants: [(String, DashboardModel, RenderOptions)] = [
                ("main", model, .standard),
                ("viridis", model, RenderOptions(colorMap: .viridis)),
                ("basic16", model, RenderOptions(colorMode: .basic16)),
                ("basic8", model, RenderOptions(colorMode: .basic8)),
                ("nocolor", model, RenderOptions(colorMode: .none)),
                ("ascii", model, RenderOptions(glyphs: .ascii)),
                ("ascii-nocolor", model, RenderOptions(colorMode: .none, glyphs: .ascii)),
            ]
            var m = model
            m.view = .profiles
            variants.append(("profiles", m, .standard))
            m.view = .curves
            variants.append(("curves", m, .standard))
            variants.append(("curves-ascii", m, RenderOptions(glyphs: .ascii)))
            m = model
            m.showHelp = true
            m.message = "exported to r.json"
            m.caption = "Naive training lets head-class weights grow fastest; weight balancing evens them out."
            variants.append(("help", m, .standard))
            m = model
            m.panels[3].diverged = DivergenceNote(epoch: 57, reason: "loss is NaN")
            m.status.paused = true
            variants.append(("diverged", m, .standard))
            variants.append(("early", SyntheticDashboard.model(epoch: 12), .standard))
            for (name, mm, opts) in variants {
                let c = renderDashboard(mm, width: w, height: h, options: opts)
                try c.ansiText().write(toFile: "\(dir)/\(name)-\(w)x\(h).ans", atomically: true, encoding: .utf8)
            }
        }
    }
}
