// MARK: - Rectangles and lines

extension Raster {
    /// Fills the rectangle from (x, y), `w` by `h` pixels, clipped to the image.
    package mutating func fill(x: Int, y: Int, width w: Int, height h: Int, color: UInt32) {
        let x0 = max(0, x), x1 = min(width, x + w), y0 = max(0, y), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        let c = color & 0xFFFFFF
        pixels.withUnsafeMutableBufferPointer { p in
            for row in y0..<y1 {
                for col in x0..<x1 { p[row * width + col] = c }
            }
        }
    }

    /// Draws the one-pixel outline of the rectangle from (x, y), `w` by `h` pixels.
    mutating func stroke(x: Int, y: Int, width w: Int, height h: Int, color: UInt32, thickness t: Int = 1) {
        guard w > 0, h > 0 else { return }
        fill(x: x, y: y, width: w, height: t, color: color)
        fill(x: x, y: y + h - t, width: w, height: t, color: color)
        fill(x: x, y: y, width: t, height: h, color: color)
        fill(x: x + w - t, y: y, width: t, height: h, color: color)
    }

    /// A straight line from (x0, y0) to (x1, y1) (Bresenham), `thickness` pixels wide (a square pen whose
    /// top-left follows the line), optionally dashed: `dash` steps on, then `gap` off (default `dash / 2 + 1`).
    package mutating func line(from p0: (x: Int, y: Int), to p1: (x: Int, y: Int), color: UInt32,
                              thickness: Int = 1, dash: Int? = nil, gap: Int? = nil) {
        var (x, y) = p0
        let dx = abs(p1.x - x), dy = -abs(p1.y - y)
        let sx = x < p1.x ? 1 : -1, sy = y < p1.y ? 1 : -1
        var err = dx + dy
        var step = 0
        while true {
            let on = dash.map { step % ($0 + (gap ?? $0 / 2 + 1)) < $0 } ?? true
            if on { fill(x: x, y: y, width: thickness, height: thickness, color: color) }
            if x == p1.x && y == p1.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
            step += 1
        }
    }

    /// A line through `points` in order (see `line(from:to:color:thickness:dash:gap:)`); each segment starts
    /// its dash pattern anew.
    mutating func polyline(_ points: [(x: Int, y: Int)], color: UInt32, thickness: Int = 1, dash: Int? = nil,
                                  gap: Int? = nil) {
        guard let first = points.first else { return }
        if points.count == 1 { fill(x: first.x, y: first.y, width: thickness, height: thickness, color: color) }
        for i in points.indices.dropFirst() {
            line(from: points[i - 1], to: points[i], color: color, thickness: thickness, dash: dash, gap: gap)
        }
    }

    /// A ring (circle outline) of `radius` pixels around (x, y), `thickness` pixels wide, white inside so it
    /// stands out on the line it marks.
    mutating func ring(x: Int, y: Int, radius: Int, color: UInt32, thickness: Int = 1) {
        let outer = radius * radius, inner = max(0, radius - thickness) * max(0, radius - thickness)
        for dy in -radius...radius {
            for dx in -radius...radius {
                let d = dx * dx + dy * dy
                if d <= outer { fill(x: x + dx, y: y + dy, width: 1, height: 1, color: d > inner ? color : Raster.white) }
            }
        }
    }
}
