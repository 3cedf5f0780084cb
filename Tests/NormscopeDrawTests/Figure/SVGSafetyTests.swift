import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NormscopeTestSupport
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// The SVG stays well-formed and the number helpers stay total whatever the results file and flags hold:
/// hostile names, extreme colour-scale tops, extreme norms.
@Suite("SVG safety")
struct SVGSafetyTests {
    static let denormal = Double.leastNormalMagnitude / 256

    /// A name with every kind of character that breaks a terminal or XML.
    static let hostile = "x\u{1B}[31m\u{07}\n<&]]>\u{202E}\u{0}\u{8}\u{FFFE}\u{9B}'\""

    /// Whether `svg` parses as XML, and its text nodes.
    static func parse(_ svg: String) -> (ok: Bool, texts: [String], error: String) {
        final class Texts: NSObject, XMLParserDelegate {
            var texts: [String] = []
            var current = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) { current = "" }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "text" || name == "title" { texts.append(current) }
            }
        }
        let t = Texts()
        let problem = XMLCheck.problem(in: svg, delegate: t)
        return (problem == nil, t.texts, problem ?? "")
    }

    @Test("escape leaves only XML 1.0 characters, shows controls as the terminal does, and round-trips the rest")
    func escapeIsXML() {
        let e = SVGText.escape(Self.hostile)
        #expect(e.unicodeScalars.allSatisfy(SVGText.isXMLChar))
        #expect(!e.contains("<") && !e.contains("]]>") && !e.unicodeScalars.contains { $0.value < 0x20 })
        #expect(e == "x\\x1b[31m\\x07\\n&lt;&amp;]]&gt;\\u{202e}\\x00\\x08\\u{fffe}\\u{9b}&apos;&quot;")
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t a=\"\(e)\">\(e)</t>"
        #expect(Self.parse(doc).ok)
    }

    @Test("a results file with hostile names draws a well-formed SVG that shows them escaped")
    func hostileNames() {
        // Run names are typed identities (an unknown one does not load); the data's name is free text.
        var r = FigureSVGTests.results()
        r.config.dataset.recipe?.name = Self.hostile
        let svg = FigureSVG.render(results: r)
        let parsed = Self.parse(svg)
        #expect(parsed.ok, "\(parsed.error)")
        #expect(parsed.texts.contains { $0.contains("x\\x1b[31m\\x07\\n<&]]>\\u{202e}") })
        #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("the number helpers are total: no trap, no endless loop, finite output, for any finite input")
    func helpersAreTotal() {
        let extremes: [Double] = [0, -0.0, Double.leastNonzeroMagnitude, Double.leastNormalMagnitude / 256, Double.leastNormalMagnitude, 1e-300, 1e-7, 0.1, 1, 9.999e14, 1e15,
                                  9.3e18, 1e19, 1e300, Double.greatestFiniteMagnitude, -1e300, -Double.leastNonzeroMagnitude, .nan, .infinity, -.infinity]
        for v in extremes {
            for d in [-5, 0, 1, 2, 3, 6, 15, 40] {
                let s = SVGText.num(v, d)
                #expect(!s.isEmpty && !s.contains("nan") && !s.contains("inf"), "num(\(v), \(d)) = \(s)")
            }
            for count in [-3, 0, 1, 2, 5, 6, 1000] {
                let t = FigureAxis.niceValues(upTo: v, count: count)
                #expect(!t.isEmpty && t.count <= 202 && t.allSatisfy(\.isFinite), "ticks(\(v), \(count)) = \(t)")
                if v > 0 && v.isFinite { #expect(t.allSatisfy { $0 >= 0 && $0 <= v * (1 + 1e-9) }) }
            }
            #expect((0...255).contains(FigureSVG.colorLevel(1, vmax: v)))
            #expect((0...255).contains(FigureSVG.colorLevel(v, vmax: 2)))
            _ = SVGText.hex(RGB(v, v, v))
        }
        #expect(SVGText.num(1e300) == "1e+300" && SVGText.num(123456.789) == "123456.79")
    }

    @Test("any colour-scale top, from denormal to the largest double, draws a well-formed SVG",
          arguments: [Double.leastNonzeroMagnitude, denormal, 1e-300, 1e-6, 1e6, 1e300, Double.greatestFiniteMagnitude])
    func extremeScaleTop(vmax: Double) {
        let svg = FigureSVG.render(results: FigureSVGTests.results(epochs: 4, classes: 6), vmax: vmax)
        let parsed = Self.parse(svg)
        #expect(parsed.ok, "\(parsed.error)")
    }

    @Test("extreme and non-finite norms in the results draw a well-formed SVG with a finite scale")
    func extremeNorms() {
        var r = FigureSVGTests.results(epochs: 4, classes: 6)
        func replacing(_ i: Int, row: Int, with values: [Double]) {
            var rows = r.runs[i].records.map(\.norms)
            rows[row] = values
            r.runs[i] = FigureSVGTests.history(r.runs[i].id, epochs: 4, rows: rows)
        }
        replacing(0, row: 2, with: [Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, .nan, .infinity, -1e300, 0])
        replacing(1, row: 4, with: [1e300, 1e300, 1e300, 1e300, 1e300, 1e300])
        #expect(DashboardModel.overflow(r.runs, vmax: 2) == Double.greatestFiniteMagnitude)
        let parsed = Self.parse(FigureSVG.render(results: r))
        #expect(parsed.ok, "\(parsed.error)")
    }

    @Test("the live view's text passes through the same escaping, in both glyph editions")
    func glyphTextEscapes() {
        #expect(Glyphs.unicode.text("q\u{1B}[2J\u{202E}") == "q\\x1b[2J\\u{202e}")
        #expect(Glyphs.ascii.text("q\u{1B}\n→") == "q\\x1b\\n->")
    }
}
