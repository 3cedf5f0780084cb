/// A rectangle of cells: origin at the top-left, width and height in cells.
package struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
    package var x: Int
    package var y: Int
    package var width: Int
    package var height: Int

    package init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column just right of the rectangle.
    var maxX: Int { x + width }
    /// The row just below the rectangle.
    var maxY: Int { y + height }
    /// Whether it covers no cell.
    package var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `d` cells on every side.
    func inset(by d: Int) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }

    /// Whether the two rectangles share a cell.
    func intersects(_ o: Rect) -> Bool {
        !isEmpty && !o.isEmpty && x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
    }

    /// Whether `o` lies entirely inside this rectangle.
    package func contains(_ o: Rect) -> Bool {
        o.x >= x && o.y >= y && o.maxX <= maxX && o.maxY <= maxY
    }

    package var description: String { "(\(x),\(y) \(width)x\(height))" }
}
