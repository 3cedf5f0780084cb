extension FigureSVG {
    /// An SVG document being written.
    struct Document {
        var text = ""
        static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"

        mutating func raw(_ s: String) { text += s; text += "\n" }

        mutating func open(width: Double, height: Double, title: String) {
            raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>")
            raw("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(SVGText.num(width))\" height=\"\(SVGText.num(height))\" viewBox=\"0 0 \(SVGText.num(width)) \(SVGText.num(height))\" font-family=\"\(Document.font)\">")
            raw("<title>\(SVGText.escape(title))</title>")
            raw("<desc>Fig. 2 of Alshammari et al., Long-Tailed Recognition via Weight Balancing (CVPR 2022), redrawn by normscope from a results file.</desc>")
            raw("<rect x=\"0\" y=\"0\" width=\"\(SVGText.num(width))\" height=\"\(SVGText.num(height))\" fill=\"#ffffff\"/>")
        }

        mutating func close() { raw("</svg>") }

        mutating func text(_ s: String, x: Double, y: Double, size: Double, anchor: String, weight: String? = nil,
                           fill: String = "#000000", rotate: Bool = false) {
            let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
            let r = rotate ? " transform=\"rotate(-90 \(SVGText.num(x)) \(SVGText.num(y)))\"" : ""
            raw("<text x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" font-size=\"\(SVGText.num(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)\(r)>\(SVGText.escape(s))</text>")
        }
    }
}
