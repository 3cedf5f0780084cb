import Foundation
import NormscopeEngine
import Testing

@Suite("Recipe files")
struct DatasetRecipeFileTests {
    static let validKeys = "valid keys: name, classes, dimension, maxPerClass, imbalance, profile, testPerClass,"
        + " modesPerClass, latentDimension, noise, seed"

    @Test("missing keys take the defaults")
    func defaults() throws {
        #expect(try DatasetRecipeFile.parse(text: "{}", fileName: "r.json") == DatasetRecipe())
        let r = try DatasetRecipeFile.parse(
            text: "\u{FEFF}{ \"name\": \"x\\u00e9\\n\", \"classes\": 10, \"imbalance\": 50.5, \"profile\": \"step\",\r\n"
                + "  \"maxPerClass\": 1e2, \"testPerClass\": 20.0, \"noise\": 0 }",
            fileName: "r.json")
        #expect(r == DatasetRecipe(name: "xé\n", classes: 10, maxPerClass: 100, imbalance: 50.5, profile: .step,
                                   testPerClass: 20, noise: 0))
    }

    @Test("the key list matches DatasetRecipe's coding keys")
    func keysMatchCodable() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(DatasetRecipe(seed: 3))) as? [String: Any]
        #expect(Set(try #require(json).keys) == Set(DatasetRecipeFile.keys))
        #expect(DatasetRecipeFile.keys.count == 11)
        // Without a seed (every built-in recipe), results files keep the keys they had before seeds were recorded.
        let unseeded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(DatasetRecipe())) as? [String: Any]
        #expect(try #require(unseeded)["seed"] == nil)
    }

    @Test("errors point at the key or value", arguments: [
        ("{\n  \"clases\": 10\n}", "r.json:2:3: unknown key \"clases\" — did you mean \"classes\"? " + validKeys),
        ("{\"zzz\": 1}", "r.json:1:2: unknown key \"zzz\" — " + validKeys),
        ("{\"name\": \"é\", \"x\": 1}", "r.json:1:15: unknown key \"x\" — " + validKeys),
        ("{\"classes\": \"ten\"}",
         "r.json:1:13: \"classes\" must be an integer, got a string — write a whole number, e.g. \"classes\": 100"),
        ("{\"classes\": 2.5}",
         "r.json:1:13: \"classes\" must be an integer, got 2.5 — write a whole number, e.g. \"classes\": 100"),
        ("{\"classes\": 1e300}",
         "r.json:1:13: \"classes\" must be an integer, got 1e300 — write a whole number, e.g. \"classes\": 100"),
        ("{\"noise\": true}", "r.json:1:11: \"noise\" must be a number, got a boolean — write e.g. \"noise\": 0.7"),
        ("{\"seed\": -1}", "r.json:1:10: \"seed\" must be between 0 and 2^64-1, got -1 — write a whole number from 0 to 2^64-1, e.g. \"seed\": 0"),
        ("{\"seed\": \"5\"}", "r.json:1:10: \"seed\" must be an integer, got a string — write a whole number from 0 to 2^64-1, e.g. \"seed\": 0"),
        ("{\"seed\": 18446744073709551616}", "r.json:1:10: \"seed\" must be between 0 and 2^64-1, got 18446744073709551616 — write a whole number from 0 to 2^64-1, e.g. \"seed\": 0"),
        ("{\"imbalance\": 1e999}", "r.json:1:15: \"imbalance\" is too large: 1e999 — write a smaller number"),
        ("{\"name\": null}", "r.json:1:10: \"name\" must be a string, got null — write \"name\": \"my-data\""),
        ("{\"profile\": 3}", "r.json:1:13: \"profile\" must be a string, got a number — write \"profile\": \"exponential\""),
        ("{\"profile\": \"linear\"}",
         "r.json:1:13: \"profile\" must be \"exponential\" or \"step\", got \"linear\" — write one of them (lower case)"),
        ("{\"classes\": 1}", "r.json:1:13: classes must be between 2 and 10000 (got 1) — change the value in the recipe"),
        ("{\"name\": \"a\",\n \"noise\": -1, \"dimension\": 0}",
         "r.json:2:28: dimension must be between 1 and 4096 (got 0) (also: noise must be between 0 and 100 (got -1.0))"
            + " — change the value in the recipe"),
        ("{\"classes\": 3, \"classes\": 4}", "r.json:1:16: duplicate key \"classes\" — give each key once"),
        ("[1, 2]", "r.json:1:1: a recipe must be a JSON object starting with {, found '[' — write { \"classes\": 100, ... } (see datasets/README.md)"),
        ("\n  label,split", "r.json:2:3: a recipe must be a JSON object starting with {, found 'l' — write { \"classes\": 100, ... } (see datasets/README.md)"),
        ("", "r.json: file is empty — write a JSON object such as {\"classes\": 10}"),
        (" \n ", "r.json: file is empty — write a JSON object such as {\"classes\": 10}"),
    ])
    func valueErrors(text: String, message: String) {
        #expect(recipeError(text) == message)
    }

    @Test("syntax errors give line and column", arguments: [
        ("{\n  \"classes\": 10,\n  \"dimension\" 8\n}",
         "r.json:3:15: JSON syntax error: expected ':' after the key \"dimension\", found '8' — write \"key\": value"),
        ("{\"classes\": 10,}", "r.json:1:16: JSON syntax error: a comma before } — remove the comma after the last value"),
        ("{\"classes\": 10", "r.json:1:15: JSON syntax error: the file ends inside an object — close it with }"),
        ("{\"classes\": 10}\n{}", "r.json:2:1: JSON syntax error: unexpected text after the end of the JSON value — remove it, or wrap everything in one object"),
        ("{\n\t\"classes\": 010}", "r.json:2:13: JSON syntax error: a number with a leading zero — remove the leading zero"),
        ("{\"classes\": 1.}", "r.json:1:13: JSON syntax error: malformed number — write numbers like 100, 0.35 or 1e-3"),
        ("{\"name\": \"ab", "r.json:1:10: JSON syntax error: unterminated string — close the string with a double quote"),
        ("{\"name\": \"a\nb\"}", "r.json:1:12: JSON syntax error: a control character (such as a line break) inside a string — close the string on the same line, or write it as \\n"),
        ("{\"noise\": @}", "r.json:1:11: JSON syntax error: expected a value (number, string, true, false, null, object or array), found '@' — check the value"),
        ("{\"name\": 'a'}", "r.json:1:10: JSON syntax error: strings need double quotes, not single — write \"text\""),
        ("{ // c\n}", "r.json:1:3: JSON syntax error: expected a key in double quotes, found '/' — write keys as \"name\": value"),
        ("{\"noise\": // c\n1}", "r.json:1:11: JSON syntax error: comments are not allowed in JSON — remove the comment"),
        ("{\"noise\": True}", "r.json:1:11: JSON syntax error: \"True\" is not a JSON value — write true in lower case"),
        ("{\"noise\": tru}", "r.json:1:11: JSON syntax error: expected true — check the spelling (true, false and null are lower case)"),
        ("{\"profile\": step}", "r.json:1:13: JSON syntax error: text without quotes (\"step\") — put strings in double quotes"),
        ("{\"a\\q\": 1}", "r.json:1:4: JSON syntax error: unknown escape in a string — write a backslash as \\\\"),
        ("{\"a\\ud800\": 1}", "r.json:1:4: JSON syntax error: a lone UTF-16 surrogate escape — escape the full pair"),
        ("{\"a\":" + String(repeating: "[", count: 100), "r.json:1:69: JSON syntax error: nested more than 64 levels deep — flatten the document"),
    ])
    func syntaxErrors(text: String, message: String) {
        #expect(recipeError(text) == message)
    }

    @Test("binary content is refused with its position")
    func binary() throws {
        let bytes = Array("{\n \"name\": \"a".utf8) + [0] + Array("\"}".utf8)
        do {
            _ = try DatasetRecipeFile.parse(bytes: bytes, fileName: "r.json")
            Issue.record("parsed a NUL byte")
        } catch {
            #expect(error == .badFile("r.json:2:12: not a JSON text file: it contains a NUL byte — save the recipe as UTF-8 JSON"))
        }
    }

    @Test("render is pretty with sorted keys, and save then load round-trips")
    func saveAndLoad() throws {
        #expect(DatasetRecipeFile.render(DatasetRecipe()) == """
            {
              "classes": 100,
              "dimension": 32,
              "imbalance": 100,
              "latentDimension": 16,
              "maxPerClass": 500,
              "modesPerClass": 3,
              "name": "default",
              "noise": 0.7,
              "profile": "exponential",
              "testPerClass": 100
            }

            """)
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let recipe = DatasetRecipe(name: "odd \"name\"\t\u{1}", classes: 7, dimension: 3, maxPerClass: 9,
                                   imbalance: 1.0000001, profile: .step, testPerClass: 2, modesPerClass: 5,
                                   latentDimension: 4, noise: 1e-5, seed: UInt64.max)
        #expect(DatasetRecipeFile.render(recipe).contains("\"seed\": 18446744073709551615,\n  \"testPerClass\""))
        let path = dir.file("r.json")
        try DatasetRecipeFile.save(recipe, to: path)
        #expect(try DatasetRecipeFile.load(path: path) == recipe)
        #expect(dir.contents() == ["r.json"])
        var bad = recipe
        bad.classes = 0
        #expect(errorMessage { try DatasetRecipeFile.save(bad, to: dir.file("bad.json")) }
            == "cannot save recipe to \(dir.path)/bad.json: classes must be between 2 and 10000 (got 0)")
        #expect(dir.contents() == ["r.json"])
    }

    @Test("file problems")
    func files() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        #expect(errorMessage { _ = try DatasetRecipeFile.load(path: dir.file("none.json")) }
            == "\(dir.path)/none.json: no such file — check the path")
        #expect(errorMessage { _ = try DatasetRecipeFile.load(path: dir.path) }
            == "\(dir.path): is a directory, not a file — name a recipe JSON file")
        let big = dir.write("big.json", "{\"name\": \"" + String(repeating: "a", count: 1 << 20) + "\"}")
        #expect(errorMessage { _ = try DatasetRecipeFile.load(path: big) }
            == "\(big): file is 1 MB, larger than the 1 MB limit for a recipe JSON file — use a smaller file")
    }
}

@Suite("Shipped recipes in datasets/")
struct ShippedRecipeTests {
    func load(_ name: String) throws -> DatasetRecipe {
        try DatasetRecipeFile.load(path: packageRoot + "/datasets/" + name)
    }

    @Test("cifar100-lt.json is the built-in default")
    func cifar100() throws {
        let r = try load("cifar100-lt.json")
        var expected = DatasetRecipe()
        expected.name = "cifar100-lt"
        #expect(r == expected)
        #expect(r.classCounts.reduce(0, +) == 10_847)
    }

    @Test("step, quick and cifar10-lt have the documented shapes")
    func others() throws {
        let step = try load("step.json")
        #expect(step.profile == .step && step.classes == 100 && step.imbalance == 10)
        #expect(step.classCounts.reduce(0, +) == 27_500)
        let quick = try load("quick.json")
        #expect(quick.classes == 20 && quick.dimension == 16 && quick.maxPerClass == 200 && quick.testPerClass == 50)
        #expect(quick.classCounts.reduce(0, +) == 1_048)
        let c10 = try load("cifar10-lt.json")
        #expect(c10.classes == 10 && c10.classCounts == [5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50])
    }

    @Test("every shipped recipe is valid and written as save would write it")
    func canonical() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/datasets")
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == ["cifar10-lt.json", "cifar100-lt.json", "default.json", "quick.json", "step.json"])
        for name in names {
            let recipe = try load(name)
            #expect(recipe.name + ".json" == name)
            let text = try String(contentsOfFile: packageRoot + "/datasets/" + name, encoding: .utf8)
            #expect(text == DatasetRecipeFile.render(recipe), "\(name)")
        }
    }
}

@Suite("Loading a data set by path")
struct DatasetSourceTests {
    static let csv = "label,split,x0\n1,train,0.5\n2,train,1\n1,test,2\n"

    @Test("json is a recipe, csv is data, other names are decided by content")
    func dispatch() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let recipe = try DatasetSource.load(path: dir.write("r.JSON", "{\"classes\": 5, \"name\": \"five\"}"))
        #expect(recipe == .recipe(DatasetRecipe(name: "five", classes: 5)))
        #expect(recipe.name == "five")
        let data = try DatasetSource.load(path: dir.write("d.csv", Self.csv))
        guard case .data(let d) = data else { Issue.record("not data"); return }
        #expect(d.name == "d" && d.labels == [1, 2] && d.trainFeatures == [0.5, 1] && d.testFeatures == [2])
        #expect(try DatasetSource.load(path: dir.write("r.txt", "\n  {\"noise\": 1}")) == .recipe(DatasetRecipe(noise: 1)))
        #expect(try DatasetSource.load(path: dir.write("table", Self.csv)).name == "table")
    }

    @Test("a path that is neither is refused clearly")
    func neither() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let binary = dir.file("w.npz")
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0xFF]))
        #expect(errorMessage { _ = try DatasetSource.load(path: binary) }
            == "\(binary): neither a recipe nor CSV data (the file is not text) — name a recipe .json file (see datasets/) or a .csv file with a label,split,... header")
        #expect(errorMessage { _ = try DatasetSource.load(path: dir.file("quick")) } == "\(dir.path)/quick: no such file — check the path")
        #expect(errorMessage { _ = try DatasetSource.load(path: dir.path) }
            == "\(dir.path): is a directory, not a file — name a CSV or recipe JSON file")
        let text = dir.write("notes.txt", "hello world\n")
        #expect(errorMessage { _ = try DatasetSource.load(path: text) }
            == "\(text):1:1: no \"label\" column — name the integer class column exactly label")
        let wrong = dir.write("data.json", Self.csv)
        #expect(errorMessage { _ = try DatasetSource.load(path: wrong) }
            == "\(wrong):1:1: a recipe must be a JSON object starting with {, found 'l' — write { \"classes\": 100, ... } (see datasets/README.md)")
    }
}
