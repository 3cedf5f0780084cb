import Foundation
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// Issue 19 point 7: no SVG text runs past the viewBox, a line lying on another stays visible in the PNG, the
/// stage-2 legend has one order and one set of colours, and a wider PNG has larger text.
struct FigureLegendTests {
    /// Results whose stage 2 has CB & WD & MaxNorm exactly on CB & WD (its MaxNorm never binds), the longest
    /// legend entry there is; with `reversed`, the stage-2 regimes listed in the opposite order.
    static func results(reversed: Bool = false) -> ResultsFile {
        var r = FigureSVGTests.results(epochs: 12, classes: 40)
        let cbWD = r.runs.first { $0.id == RunID(.wd, .cbWD) }!
        let i = r.runs.firstIndex { $0.id == RunID(.wd, .cbWDMaxNorm) }!
        var twin = cbWD
        twin.id = RunID(.wd, .cbWDMaxNorm)
        r.runs[i] = twin
        if reversed { r.runs = r.runs.filter { !$0.isStage2 } + r.runs.filter(\.isStage2).reversed() }
        return r
    }

    /// Each `<text>`: content (unescaped), x, y, size, anchor, and whether it is rotated.
    static func texts(_ svg: String) -> [(text: String, x: Double, y: Double, size: Double, anchor: String, rotated: Bool)] {
        let pattern = #"<text x="([-0-9.e+]+)" y="([-0-9.e+]+)" font-size="([0-9.]+)" text-anchor="(\w+)"([^>]*)>([^<]*)</text>"#
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = svg as NSString
        return re.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { m in
            func g(_ i: Int) -> String { ns.substring(with: m.range(at: i)) }
            let text = g(6).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            return (text, Double(g(1))!, Double(g(2))!, Double(g(3))!, g(4), g(5).contains("rotate"))
        }
    }

    static func viewBox(_ svg: String) -> (w: Double, h: Double) {
        let re = try! NSRegularExpression(pattern: #"viewBox="0 0 ([0-9.]+) ([0-9.]+)""#)
        let ns = svg as NSString
        let m = re.firstMatch(in: svg, range: NSRange(location: 0, length: ns.length))!
        return (Double(ns.substring(with: m.range(at: 1)))!, Double(ns.substring(with: m.range(at: 2)))!)
    }

    @Test(arguments: [false, true])
    func everySVGTextStaysInsideTheViewBox(reversed: Bool) {
        // `figure` and the live view's `e` both write FigureSVG.render; a live export lists regimes in its own order.
        let svg = FigureSVG.render(results: Self.results(reversed: reversed))
        let box = Self.viewBox(svg)
        let texts = Self.texts(svg)
        #expect(texts.count > 40)
        #expect(texts.contains { $0.text == "CB & WD & MaxNorm" })
        #expect(texts.contains { $0.text == "(= CB & WD)" })
        for t in texts {
            let w = SVGText.estimatedWidth(t.text, size: t.size)
            let start = t.anchor == "start" ? 0 : t.anchor == "middle" ? -w / 2 : -w
            if t.rotated {
                #expect(t.y - start - w <= box.h && t.y - start >= 0, "\(t.text)")
                #expect(t.x - t.size >= 0 && t.x <= box.w, "\(t.text)")
            } else {
                #expect(t.x + start >= 0 && t.x + start + w <= box.w, "\(t.text) spans \(t.x + start)...\(t.x + start + w) of \(box.w)")
                #expect(t.y - t.size >= 0 && t.y <= box.h, "\(t.text)")
            }
        }
    }

    @Test func theWidthEstimateIsNotBelowDejaVuSans() {
        // DejaVu Sans advances (em): C 0.698, B 0.686, space 0.318, & 0.780, W 0.989, D 0.770, M 0.863, a 0.613,
        // x 0.592, N 0.748, o 0.602, r 0.411, m 0.974, ( 0.390, = 0.838, ) 0.390.
        let dejaVu = 0.698 + 0.686 + 0.318 + 0.780 + 0.318 + 0.989 + 0.770
        #expect(SVGText.estimatedWidth("CB & WD", size: 10) >= dejaVu * 10)
    }

    @Test func stage2LegendHasOneOrderAndOneSetOfColours() throws {
        let a = Self.results(), b = Self.results(reversed: true)
        #expect(FigureSVG.render(results: a) == FigureSVG.render(results: b))
        let fa = FigureRaster(results: a), fb = FigureRaster(results: b)
        #expect(fa.render(fa.finalMoment).pixels == fb.render(fb.finalMoment).pixels)
        let svg = FigureSVG.render(results: a)
        let order = ["L2-norm (post-hoc)", "τ-norm (post-hoc)", "CB & WD", "CB & MaxNorm", "CB & WD & MaxNorm"]
        let positions = order.map { name in Self.texts(svg).firstIndex { $0.text == name } }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // Each variant's colour is the same in the SVG and the PNG.
        for h in a.runs where h.isStage2 {
            let i = FigureLegend.stage2ColorIndex(h)
            #expect(FigureSVG.palette[i] == String(format: "#%06x", FigureRaster.lineColors[i]))
        }
    }

    @Test func aLineOnAnotherCarriesRingsInThePNG() {
        let f = FigureRaster(results: Self.results())
        let image = f.render(f.finalMoment)
        let twin = FigureRaster.lineColors[FigureLegend.stage2ColorIndex(Self.results().runs.first { $0.id == RunID(.wd, .cbWDMaxNorm) }!)]
        let lower = image.pixels[(f.layout.plotTop * image.width)...]
        // A 1-px dotted line alone leaves about 80 pixels of its colour; rings add a dozen circles' worth.
        #expect(lower.filter { $0 == twin }.count > 250)
    }

    @Test func aWiderPNGHasLargerText() {
        let r = Self.results()
        func headingInkRows(_ width: Int) -> Int {
            let f = FigureRaster(results: r, width: width)
            let image = f.render(f.finalMoment)
            return (0..<f.layout.titleY).filter { y in (0..<image.width / 3).contains { image[$0, y] == Raster.black } }.count
        }
        let base = headingInkRows(960)
        #expect(base >= 8)
        #expect(headingInkRows(1_440) == base)   // 2x from 1,800 px: at 1,440 the legends would be cut
        #expect(headingInkRows(1_920) >= 2 * base - 1)
        #expect(headingInkRows(2_880) >= 3 * base - 2)
        #expect(headingInkRows(1_920) > base)
    }
}
