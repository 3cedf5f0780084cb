// fuzz-modules: NormscopeEngine NormscopeDraw
import Foundation
import NormscopeDraw
import NormscopeEngine

/// libFuzzer entry point for results files (`ResultsFile.decode`), and for what `figure` does with a file it
/// accepted: the SVG and CSV figures are drawn from it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? ResultsFile.decode(bytes, path: "fuzz.json") else { return 0 }
    _ = FigureSVG.render(results: file)
    _ = FigureCSV.render(results: file)
    return 0
}
