/// A piece of the picture that draws itself into a fresh canvas of the size it is given.
///
/// Widgets are values: same input, same canvas. They never draw outside their canvas, at any size.
protocol Widget {
    /// Draws into a new canvas of exactly `width` x `height` cells (negative sizes count as 0).
    func render(width: Int, height: Int, options: RenderOptions) -> Canvas
}
