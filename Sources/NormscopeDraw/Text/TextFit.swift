/// Fitting text into a number of columns: truncation, word wrapping, centring.
enum TextFit {
    /// `s` cut to at most `width` characters, ending in `ellipsis` when cut (and when the ellipsis fits).
    static func truncate(_ s: String, _ width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard s.count > width else { return s }
        let e = ellipsis.count < width ? ellipsis : ""
        return String(s.prefix(width - e.count)) + e
    }

    /// `s` broken into lines of at most `width` characters at spaces; words longer than a line are split.
    static func wrap(_ s: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = Substring(word)
            if !line.isEmpty && line.count + 1 + w.count <= width {
                line += " " + w
                continue
            }
            if !line.isEmpty { lines.append(line); line = "" }
            while w.count > width {
                lines.append(String(w.prefix(width)))
                w = w.dropFirst(width)
            }
            line = String(w)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The first of `candidates` that fits in `width`, else the last one truncated.
    static func firstFitting(_ candidates: [String], _ width: Int, ellipsis: String = "…") -> String {
        candidates.first { $0.count <= width } ?? truncate(candidates.last ?? "", width, ellipsis: ellipsis)
    }

    /// The column at which text of length `length` starts when centred in `width` columns.
    static func centered(_ length: Int, in width: Int) -> Int { max(0, (width - length) / 2) }
}
