import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NormscopeTestSupport
import Testing
@testable import NormscopeDraw
import NormscopeEngine

/// The SVG figure: valid XML with the five panels, the colour bar, the profiles, and the right colours.
struct FigureSVGTests {
    /// Made-up results (see `FigureFixtures`).
    static func results(epochs: Int = 12, classes: Int = 10, stage2: Bool = true) -> ResultsFile {
        FigureFixtures.results(epochs: epochs, classes: classes, stage2: stage2)
    }

    /// A history whose `rows[e]` are the norms after epoch e.
    static func history(_ id: RunID, epochs: Int, rows: [[Double]]) -> RunHistory {
        FigureFixtures.history(id, epochs: epochs, rows: rows)
    }

    /// Element names, `id`s, texts and attributes of an SVG, from Foundation's XML parser.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var ids: [String] = []
        var texts: [String] = []
        var fills: [String] = []
        var current = ""
        var stack: [String] = []
        var colorBarRects = 0
        var root: [String: String] = [:]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(name)
            if name == "svg" { root = attributes }
            if let id = attributes["id"] { ids.append(id) }
            if name == "path", let f = attributes["fill"] { fills.append(f) }
            if name == "rect" && stack.contains("colorbar") && attributes["fill"] != "none" { colorBarRects += 1 }
            stack.append(attributes["id"] ?? name)
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(current) }
            stack.removeLast()
        }
    }

    func parse(_ svg: String) throws -> Collector {
        let c = Collector()
        let problem = XMLCheck.problem(in: svg, delegate: c)
        #expect(problem == nil, "well-formed XML: \(problem ?? "")")
        return c
    }

    @Test func parsesAsSVGWithFivePanelsAndAColourBar() throws {
        let c = try parse(FigureSVG.render(results: Self.results()))
        #expect(c.elements.first == "svg" && c.root["xmlns"] == "http://www.w3.org/2000/svg" && c.root["version"] == "1.1")
        #expect(c.ids.filter { $0.hasPrefix("panel-") } == ["panel-a", "panel-b", "panel-c", "panel-d", "panel-e"])
        #expect(c.ids.contains("colorbar") && c.colorBarRects == 256)
        #expect(c.ids.contains("profile-stage1") && c.ids.contains("profile-stage2"))
        for title in ["(a) Naive", "(b) L2-norm", "(c) WD", "(d) MaxNorm", "(e) WD+MaxNorm"] { #expect(c.texts.contains(title)) }
        #expect(c.texts.filter { $0 == "class ID sorted by cardinality" }.count == 7)
        #expect(c.texts.filter { $0 == "training epochs" }.count == 5)
        #expect(["0.0", "0.5", "1.0", "1.5", "2.0"].allSatisfy(c.texts.contains), "colour bar from 0 to the paper's 2.0")
        for legend in ["WD (stage 1)", "L2-norm (post-hoc)", "τ-norm (post-hoc)", "CB & WD", "CB & MaxNorm", "CB & WD & MaxNorm"] {
            #expect(c.texts.contains(legend))
        }
    }

    @Test func withoutStageTwoThereIsOneProfile() throws {
        let c = try parse(FigureSVG.render(results: Self.results(stage2: false)))
        #expect(c.ids.contains("profile-stage1") && !c.ids.contains("profile-stage2"))
    }

    @Test func cellsTakeTheSharedScalesColours() throws {
        let jet = try parse(FigureSVG.render(results: Self.results(), colorMap: .jet))
        let allowed = Set((0..<256).map { SVGText.hex(ColorMapKind.jet.rgb(at: Double($0) / 255)) })
        #expect(!jet.fills.isEmpty && jet.fills.allSatisfy(allowed.contains))
        #expect(jet.fills.contains(SVGText.hex(ColorMapKind.jet.rgb(at: 1))), "the naive head reaches the top (2.0): dark red")
        let viridis = try parse(FigureSVG.render(results: Self.results(), colorMap: .viridis))
        #expect(viridis.fills != jet.fills)
        #expect(viridis.fills.contains(SVGText.hex(ColorMapKind.viridis.rgb(at: 1))))
        #expect(FigureSVG.colorLevel(0, vmax: 2) == 0 && FigureSVG.colorLevel(2, vmax: 2) == 255)
        #expect(FigureSVG.colorLevel(1, vmax: 2) == 128 && FigureSVG.colorLevel(-1, vmax: 2) == 0)
    }

    @Test func longRunsAreBinnedToAFewHundredRows() throws {
        let svg = FigureSVG.render(results: Self.results(epochs: 1000, classes: 30, stage2: false))
        // Row indices of the cell runs ("M<col> <row>h...") stay below maxRows.
        var rows = Set<Int>()
        for part in svg.components(separatedBy: "M").dropFirst() {
            let fields = part.split(separator: " ", maxSplits: 1)
            if fields.count == 2, let r = Int(fields[1].prefix { $0.isNumber }) { rows.insert(r) }
        }
        #expect(rows.max()! == FigureSVG.maxRows - 1)
        #expect(svg.utf8.count < 2_000_000)
        _ = try parse(svg)
    }

    @Test func namesAreEscapedAndTheOutputIsDeterministic() throws {
        var r = Self.results(stage2: false)
        r.config.dataset.recipe?.name = "a<b>&\"c\""
        let svg = FigureSVG.render(results: r)
        _ = try parse(svg)
        #expect(svg.contains("a&lt;b&gt;&amp;"))
        #expect(svg == FigureSVG.render(results: r))
    }

    @Test func fixedScaleTop() throws {
        let c = try parse(FigureSVG.render(results: Self.results(), vmax: 4))
        #expect(["0.0", "1.0", "2.0", "3.0", "4.0"].allSatisfy(c.texts.contains))
    }

    @Test func numbersTicksAndColours() {
        #expect(SVGText.num(12.5) == "12.5" && SVGText.num(-0.25) == "-0.25" && SVGText.num(3) == "3")
        #expect(SVGText.num(0.1 + 0.2) == "0.3" && SVGText.num(1e-9) == "0" && SVGText.num(-1e-9) == "0")
        #expect(SVGText.num(2.0 / 3, 3) == "0.667" && SVGText.num(.nan) == "0")
        #expect(FigureAxis.niceValues(upTo: 2) == [0, 0.5, 1, 1.5, 2])
        #expect(FigureAxis.niceValues(upTo: 100) == [0, 25, 50, 75, 100])
        #expect(FigureAxis.niceValues(upTo: 99) == [0, 25, 50, 75])
        #expect(FigureAxis.niceValues(upTo: 2.5, count: 6) == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(FigureAxis.niceValues(upTo: 0) == [0])
        // Epochs and class indices: whole numbers only, even for the shortest runs and fewest classes.
        #expect(FigureAxis.niceValues(upTo: 1, count: 5, integers: true) == [0, 1])
        #expect(FigureAxis.niceValues(upTo: 2, count: 5, integers: true) == [0, 1, 2])
        #expect(FigureAxis.niceValues(upTo: 10, count: 5, integers: true) == [0, 5, 10])
        #expect(FigureAxis.niceValues(upTo: 100, count: 5, integers: true) == [0, 25, 50, 75, 100])
        for top in 1...300 {
            let t = FigureAxis.niceValues(upTo: Double(top), count: 5, integers: true)
            #expect(t.allSatisfy { $0 == $0.rounded() } && t.count >= 2 && t.last! <= Double(top), "\(top): \(t)")
        }
        #expect(SVGText.hex(RGB(1, 0.5, 0)) == "#ff8000")
        #expect(SVGText.escape("wd>cb&x") == "wd&gt;cb&amp;x")
    }
}

/// Profiles that coincide stay visible in the SVG.
struct FigureSVGCoincidingTests {
    @Test func aProfileEqualToAnEarlierOneIsDottedAndNamedInTheLegend() throws {
        var r = FigureSVGTests.results(epochs: 4, classes: 6, stage2: false)
        let same = r.runs[3].records.map(\.norms)
        r.runs[4] = FigureSVGTests.history(RunID(.wdMaxnorm), epochs: 4, rows: same)
        let svg = FigureSVG.render(results: r)
        #expect(svg.contains(">WD+MaxNorm</text>") && svg.contains(">(= MaxNorm)</text>"))
        #expect(svg.contains("stroke-dasharray=\"1.5,3\""))
        #expect(!FigureSVG.render(results: FigureSVGTests.results(epochs: 4, classes: 6, stage2: false)).contains("(= "))
    }
}
