// fuzz-modules: NormscopeEngine
import NormscopeEngine

/// libFuzzer entry point for the CSV data-set reader (`DatasetCSV.parse(bytes:fileName:)`).
///
/// A thrown `NormscopeError` is the reader doing its job; a crash, trap, sanitizer report, hang or runaway
/// memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? DatasetCSV.parse(bytes: bytes, fileName: "fuzz.csv")
    return 0
}
