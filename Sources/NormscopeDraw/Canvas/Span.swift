/// A run of text in one style; a line of mixed styles is an array of spans.
package struct Span: Equatable, Sendable {
    package var text: String
    var style: Style

    package init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension Array where Element == Span {
    /// The total number of characters.
    var length: Int { reduce(0) { $0 + $1.text.count } }

    /// The spans cut to `width` characters, ending in `ellipsis` (in the last kept span's style) when cut.
    package func truncated(to width: Int, ellipsis: String = "…") -> [Span] {
        guard length > width else { return self }
        guard width > 0 else { return [] }
        let e = ellipsis.count < width ? ellipsis : ""
        var room = width - e.count
        var out: [Span] = []
        for s in self where room > 0 {
            let t = String(s.text.prefix(room))
            out.append(Span(t, s.style))
            room -= t.count
        }
        if let last = out.last { out.append(Span(e, last.style)) } else { out.append(Span(e)) }
        return out
    }
}
