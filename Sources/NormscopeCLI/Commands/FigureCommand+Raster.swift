#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import NormscopeDraw
import NormscopeEngine
import NormscopeImage

/// `figure -o fig.png` and `figure -o fig.gif`: the figure as pixels.
extension FigureCommand {
    /// One-line errors for `--fps` and `--width` given for a format that has no use for them (their ranges are
    /// the flag table's, checked as they are read), and no image to a terminal.
    func validateRaster() throws {
        let format = resolvedFormat
        if fps != nil && format != .gif {
            throw ValidationError("--fps applies to GIF output only (this writes \(format.rawValue.uppercased()))")
        }
        if width != nil && format != .gif && format != .png {
            throw ValidationError("--width applies to PNG and GIF output only (this writes \(format.rawValue.uppercased()))")
        }
        if (format == .png || format == .gif) && output == "-" && isatty(1) == 1 {
            throw ValidationError("-o - would write a binary \(format.rawValue.uppercased()) to the terminal; redirect it to a file or give a file name")
        }
    }

    /// The PNG or GIF file's bytes for `results`.
    func rasterFile(_ results: ResultsFile) -> Data {
        let figure = FigureRaster(results: results, colorMap: colormap, vmax: vmax, width: width ?? FigureRaster.defaultWidth)
        switch resolvedFormat {
        case .gif: return Data(FigureImages.gif(figure, fps: fps ?? FigureImages.defaultFPS))
        default: return Data(FigureImages.png(figure))
        }
    }
}
