// fuzz-modules: NormscopeEngine
import NormscopeEngine

/// libFuzzer entry point for recipe files (`DatasetRecipeFile.parse(bytes:fileName:)`); an accepted recipe is
/// rendered and read back, which must give the same recipe.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let recipe = try? DatasetRecipeFile.parse(bytes: bytes, fileName: "fuzz.json") else { return 0 }
    let again = try? DatasetRecipeFile.parse(text: DatasetRecipeFile.render(recipe), fileName: "rendered.json")
    precondition(again == recipe, "an accepted recipe does not survive render and parse")
    return 0
}
