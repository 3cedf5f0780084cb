import Foundation
@testable import NormscopeEngine
import Testing

/// The recipes compiled into the program are the files in datasets/, byte for byte: a recipe edited without
/// running scripts/embed-recipes.sh, or a new file without a `BuiltinRecipe` case, fails here.
@Suite("Built-in recipes")
struct BuiltinRecipeTests {
    static let folder = packageRoot + "/datasets"

    static func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) }.sorted()
    }

    @Test("every datasets/*.json is a built-in recipe, and every built-in recipe a file")
    func sameNames() throws {
        let files = try Self.fileNames()
        #expect(files == BuiltinRecipe.allCases.map(\.name).sorted(), "add a BuiltinRecipe case for each new file")
        #expect(files == BuiltinRecipe.fileTexts.keys.sorted(), "run scripts/embed-recipes.sh")
    }

    @Test("each embedded text is its file's bytes", arguments: BuiltinRecipe.allCases)
    func sameBytes(_ builtin: BuiltinRecipe) throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/\(builtin.name).json"))
        #expect(Data(builtin.text.utf8) == file,
                "datasets/\(builtin.name).json and its embedded copy differ: run scripts/embed-recipes.sh")
    }

    @Test("each parses, is named after its file and describes itself in one line", arguments: BuiltinRecipe.allCases)
    func parses(_ builtin: BuiltinRecipe) throws {
        let recipe = try DatasetRecipeFile.parse(text: builtin.text, fileName: builtin.name)
        #expect(recipe == builtin.recipe)
        #expect(recipe.name == builtin.name)
        #expect(recipe.validationErrors().isEmpty)
        #expect(!builtin.summary.isEmpty && !builtin.summary.contains("\n"))
        #expect(BuiltinRecipe.named(builtin.name) == builtin)
    }

    @Test("default is the recipe that runs without --dataset; cifar100-lt is reproduce's")
    func defaults() {
        #expect(BuiltinRecipe.default.recipe == DatasetRecipe.default)
        #expect(BuiltinRecipe.cifar100LT.recipe == DatasetRecipe.cifar100LTAnalogue)
    }

    @Test("a drifted copy is caught: the comparison is of bytes, not of recipes")
    func driftIsCaught() throws {
        let text = BuiltinRecipe.quick.text
        let respaced = text.replacingOccurrences(of: "  \"", with: "    \"")
        #expect(try DatasetRecipeFile.parse(text: respaced, fileName: "q") == BuiltinRecipe.quick.recipe)
        #expect(Data(respaced.utf8) != Data(text.utf8))
    }
}
