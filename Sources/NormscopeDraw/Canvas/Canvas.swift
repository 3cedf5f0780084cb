/// A rectangular grid of cells that drawing code writes into; the terminal backend copies it to the screen.
package struct Canvas: Equatable, Sendable {
    /// Width in columns.
    package let width: Int
    /// Height in rows.
    package let height: Int
    /// Row-major cells, `height * width` of them.
    package private(set) var cells: [Cell]

    package init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`; reads outside the canvas give a blank cell.
    package subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    /// Whether (x, y) is inside the canvas.
    package func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from (x, y) rightwards, clipped to the canvas and to `maxWidth` columns; returns the columns used.
    @discardableResult
    package mutating func put(_ text: String, x: Int, y: Int, fg: TermColor = .default, bg: TermColor = .default,
                             attrs: CellAttributes = [], maxWidth: Int? = nil) -> Int {
        var col = x
        let limit = maxWidth.map { x + $0 } ?? width
        for ch in text {
            if col >= limit || col >= width { break }
            self[col, y] = Cell(ch, fg: fg, bg: bg, attrs: attrs)
            col += 1
        }
        return col - x
    }

    /// Fills a rectangle with one cell.
    package mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell) {
        for row in max(0, y)..<min(height, y + h) where w > 0 {
            for col in max(0, x)..<min(width, x + w) { cells[row * width + col] = cell }
        }
    }

    /// The text of row `y`, glyphs only (for tests and plain captures).
    package func text(row y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        return String(cells[(y * width)..<(y * width + width)].map(\.glyph))
    }

    /// All rows as text joined by newlines (for tests and plain captures).
    var plainText: String { (0..<height).map { text(row: $0) }.joined(separator: "\n") }
}
