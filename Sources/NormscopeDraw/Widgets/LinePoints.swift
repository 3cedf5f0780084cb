/// The grid points of a straight line from (x0, y0) to (x1, y1), both ends included (Bresenham).
func linePoints(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> [(Int, Int)] {
    var points: [(Int, Int)] = []
    var (x, y) = (x0, y0)
    let dx = abs(x1 - x0), dy = -abs(y1 - y0)
    let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
    var err = dx + dy
    while true {
        points.append((x, y))
        if x == x1 && y == y1 { break }
        let e2 = 2 * err
        if e2 >= dy { err += dy; x += sx }
        if e2 <= dx { err += dx; y += sy }
    }
    return points
}
