/// One cell of a CSV record: a byte range of the file and where it started.
struct CSVCell {
    /// First byte of the value (inside the quotes for a quoted cell, blanks trimmed otherwise).
    var start: Int
    /// One past the last byte of the value.
    var end: Int
    /// Whether the cell contains doubled quotes `""` that stand for one quote.
    var hasEscapes: Bool
    /// The 1-based physical line the cell starts on.
    var line: Int
}

/// Splits CSV bytes into records of cells (RFC 4180 quoting; LF, CRLF or a lone CR end a record).
///
/// Unquoted cells are trimmed of surrounding spaces and tabs; a quoted cell may contain commas, quotes
/// written as `""`, and line breaks. Line numbers count physical lines, so a record may span several.
struct CSVTokenizer {
    let bytes: UnsafeBufferPointer<UInt8>
    let fileName: String
    private var position: Int
    private var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, fileName: String, start: Int = 0) {
        self.bytes = bytes
        self.fileName = fileName
        self.position = start
    }

    /// Reads the next record into `cells` (cleared first); returns the line it starts on, or nil at the end.
    mutating func next(into cells: inout [CSVCell]) throws(NormscopeError) -> Int? {
        let n = bytes.count
        guard position < n else { return nil }
        cells.removeAll(keepingCapacity: true)
        let recordLine = line
        var p = position
        while true {
            var q = p
            while q < n && TextCheck.isBlank(bytes[q]) { q += 1 }
            if q < n && bytes[q] == 0x22 {
                // Quoted cell.
                let cellLine = line, column = cells.count + 1
                q += 1
                let start = q
                var escapes = false
                while true {
                    guard q < n else {
                        throw .badFile("\(fileName):\(cellLine):\(column): unterminated quoted cell"
                            + " — close it with a double quote (write a quote inside a cell as \"\")")
                    }
                    let c = bytes[q]
                    if c == 0x22 {
                        if q + 1 < n && bytes[q + 1] == 0x22 { escapes = true; q += 2; continue }
                        break
                    }
                    if c == 0x0A || (c == 0x0D && (q + 1 >= n || bytes[q + 1] != 0x0A)) { line += 1 }
                    q += 1
                }
                cells.append(CSVCell(start: start, end: q, hasEscapes: escapes, line: cellLine))
                q += 1
                while q < n && TextCheck.isBlank(bytes[q]) { q += 1 }
                if q < n && bytes[q] != 0x2C && bytes[q] != 0x0A && bytes[q] != 0x0D {
                    throw .badFile("\(fileName):\(line):\(column): text after the closing quote of a cell"
                        + " — put the whole cell inside the quotes, or remove the quotes")
                }
            } else {
                // Unquoted cell: up to a comma or line break; a stray quote inside is kept as text.
                var end = q
                while end < n && bytes[end] != 0x2C && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
                let stop = end
                while end > q && TextCheck.isBlank(bytes[end - 1]) { end -= 1 }
                cells.append(CSVCell(start: q, end: end, hasEscapes: false, line: line))
                q = stop
            }
            // At a delimiter or the end of input.
            if q >= n { position = q; return recordLine }
            switch bytes[q] {
            case 0x2C:
                p = q + 1
            case 0x0D:
                q += 1
                if q < n && bytes[q] == 0x0A { q += 1 }
                line += 1
                position = q
                return recordLine
            default:
                line += 1
                position = q + 1
                return recordLine
            }
        }
    }

    /// The text of `cell` with doubled quotes undone and surrounding blanks trimmed.
    func string(_ cell: CSVCell) -> String {
        var start = cell.start, end = cell.end
        while start < end && TextCheck.isBlank(bytes[start]) { start += 1 }
        while end > start && TextCheck.isBlank(bytes[end - 1]) { end -= 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard cell.hasEscapes else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            out.append(slice[i])
            i += (slice[i] == 0x22 && i + 1 < slice.count && slice[i + 1] == 0x22) ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `cell` is empty after trimming.
    func isEmpty(_ cell: CSVCell) -> Bool {
        var start = cell.start
        while start < cell.end && TextCheck.isBlank(bytes[start]) { start += 1 }
        return start == cell.end
    }
}
