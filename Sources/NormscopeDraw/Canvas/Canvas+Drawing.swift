// MARK: - Composition and styled text

extension Canvas {
    /// Copies `other` onto this canvas with its top-left at (x, y), clipped to this canvas.
    mutating func blit(_ other: Canvas, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for col in 0..<other.width where x + col >= 0 && x + col < width {
                self[x + col, y + row] = other[col, row]
            }
        }
    }

    /// Copies `other` into `rect` (its size should match; the excess is clipped).
    mutating func blit(_ other: Canvas, in rect: Rect) { blit(other, x: rect.x, y: rect.y) }

    /// Writes `text` in `style` from (x, y), clipped to the canvas and `maxWidth`; returns the columns used.
    @discardableResult
    package mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        put(text, x: x, y: y, fg: style.fg, bg: style.bg, attrs: style.attrs, maxWidth: maxWidth)
    }

    /// Writes spans one after another from (x, y), clipped to `maxWidth`; returns the columns used.
    @discardableResult
    package mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        var used = 0
        for s in spans {
            let room = maxWidth.map { $0 - used }
            if let room, room <= 0 { break }
            used += put(s.text, x: x + used, y: y, style: s.style, maxWidth: room)
        }
        return used
    }

    /// Draws a frame around `rect` with `glyphs`, and an optional title in its top edge ("╭ title ───╮").
    package mutating func frame(_ rect: Rect, glyphs: Glyphs, style: Style, title: [Span] = []) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        let (x0, y0, x1, y1) = (rect.x, rect.y, rect.maxX - 1, rect.maxY - 1)
        let h = Cell(glyphs.horizontal, fg: style.fg, bg: style.bg, attrs: style.attrs)
        let v = Cell(glyphs.vertical, fg: style.fg, bg: style.bg, attrs: style.attrs)
        fill(x: x0 + 1, y: y0, width: rect.width - 2, height: 1, with: h)
        fill(x: x0 + 1, y: y1, width: rect.width - 2, height: 1, with: h)
        fill(x: x0, y: y0 + 1, width: 1, height: rect.height - 2, with: v)
        fill(x: x1, y: y0 + 1, width: 1, height: rect.height - 2, with: v)
        for (c, px, py) in [(glyphs.topLeft, x0, y0), (glyphs.topRight, x1, y0),
                            (glyphs.bottomLeft, x0, y1), (glyphs.bottomRight, x1, y1)] {
            self[px, py] = Cell(c, fg: style.fg, bg: style.bg, attrs: style.attrs)
        }
        // Title: one space of air on each side when there is room, never over the corners.
        let room = rect.width - 2
        guard !title.isEmpty, room >= 1 else { return }
        let padded = title.length + 2 <= room
        let body = title.truncated(to: padded ? room - 2 : room, ellipsis: glyphs.asciiOnly ? "." : "…")
        var x = x0 + 1
        if padded { self[x, y0] = Cell(" "); x += 1 }
        x += put(body, x: x, y: y0)
        if padded { self[x, y0] = Cell(" ") }
    }
}
