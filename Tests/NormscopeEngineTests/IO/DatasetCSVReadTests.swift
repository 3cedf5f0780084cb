import Foundation
import NormscopeEngine
import Testing

@Suite("CSV reading")
struct DatasetCSVReadTests {
    @Test("a valid file with BOM, CRLF, blank lines, spaces, quotes and any column order")
    func tolerantParse() throws {
        let text = "\u{FEFF} x0 , label ,\"split\",x1\r\n0.5, 7 ,train,-1\r\n\r\n1e-3,3,train,2\r\n"
            + "  0.25 ,7,test,\"3.5\"\r\n4,3,test,0\r\n"
        let d = try DatasetCSV.parse(text: text, fileName: "dir/d.csv")
        #expect(d.name == "d")
        #expect(d.dimension == 2)
        #expect(d.labels == [3, 7])
        #expect(d.trainLabels == [1, 0])
        #expect(d.trainFeatures == [0.5, -1, 0.001, 2])
        #expect(d.testLabels == [1, 0])
        #expect(d.testFeatures == [0.25, 3.5, 4, 0])
    }

    @Test("classes are ordered most frequent first, labels keep the original ids")
    func classOrder() throws {
        let text = "label,split,f\n9,train,1\n4,train,2\n9,train,3\n4,test,4\n9,test,5\n2,train,6\n2,train,7\n2,train,8\n"
        let d = try DatasetCSV.parse(text: text, fileName: "c.csv")
        #expect(d.labels == [2, 9, 4])
        #expect(d.classCounts == [3, 2, 1])
        #expect(d.trainLabels == [1, 2, 1, 0, 0, 0])
        #expect(d.testLabels == [2, 1])
    }

    @Test("no trailing newline, lone CR line ends and a quoted cell with a comma in its name")
    func lineEndings() throws {
        let d = try DatasetCSV.parse(text: "label,split,\"a,b\"\r1,train,1\r2,train,2\r1,test,3", fileName: "x.csv")
        #expect(d.dimension == 1)
        #expect(d.trainFeatures == [1, 2])
        #expect(d.testFeatures == [3])
    }

    @Test("header problems point at the header cell", arguments: [
        ("split,x0\ntrain,1\n", "d.csv:1:1: no \"label\" column — name the integer class column exactly label"),
        ("Label,split,x0\n1,train,1\n",
         "d.csv:1:1: no \"label\" column (found \"Label\"; names are case-sensitive) — name the integer class column exactly label"),
        ("1,train,0.5\n2,test,0.1\n",
         "d.csv:1:1: no header row: line 1 looks like data — add a first line naming the columns, e.g. label,split,x0,x1"),
        ("label,x0\n1,2\n", "d.csv:1:1: no \"split\" column — add a column split holding train or test in every row"),
        ("label,split,x0,x0\n", "d.csv:1:4: duplicate column name \"x0\" (also column 3) — give every column a different name"),
        ("label,split\n1,train\n", "d.csv:1:3: no feature columns — add at least one numeric column besides label and split"),
        ("label,split,x0,\n1,train,1,\n",
         "d.csv:1:4: column 4 has an empty name (a comma at the end of the header adds an empty column) — name every column"),
        ("\n\nlabel,,split,x\n", "d.csv:3:2: column 2 has an empty name — name every column"),
    ])
    func headerErrors(text: String, message: String) {
        #expect(csvError(text) == message)
    }

    @Test("too many feature columns")
    func tooManyFeatures() {
        let header = "label,split," + (0..<4097).map { "x\($0)" }.joined(separator: ",")
        #expect(csvError(header + "\n") == "d.csv:1:1: 4097 feature columns, more than the limit of 4096 — reduce the number of features")
    }

    static let head = "label,split,x0\n1,train,0.5\n"

    @Test("cell problems give line and 1-based cell column", arguments: [
        (head + "2,train,0.5,9\n", "d.csv:3:4: row has 4 cells, expected 3 as in the header — give every row one value per header column"),
        (head + "2,train\n", "d.csv:3:3: row has 2 cells, expected 3 as in the header — give every row one value per header column"),
        ("x0,label,split,x1\n0.5,1,train,abc\n",
         "d.csv:2:4: feature \"x1\" is not a number: \"abc\" — write a decimal number such as 0.25 or -1.5e-3"),
        (head + "2,train,NaN\n", "d.csv:3:3: feature \"x0\" is NaN (\"NaN\") — replace missing values with a number, or drop the row"),
        (head + "2,train,-inf\n", "d.csv:3:3: feature \"x0\" is infinite (\"-inf\") — use finite numbers only"),
        (head + "2,train,1e39\n", "d.csv:3:3: feature \"x0\" value \"1e39\" is out of float32 range (±3.4e38) — rescale the feature"),
        (head + "2,train,  \n", "d.csv:3:3: feature \"x0\" is empty — every feature cell needs a number"),
        (head + "1.5,train,0\n", "d.csv:3:1: label \"1.5\" is not a whole number — write the class id as a whole number from 0 to 2147483647"),
        (head + "-3,train,0\n", "d.csv:3:1: label \"-3\" is negative — write the class id as a whole number from 0 to 2147483647"),
        (head + "2147483648,train,0\n", "d.csv:3:1: label \"2147483648\" is too large — write the class id as a whole number from 0 to 2147483647"),
        (head + "99999999999999999999999,train,0\n", "d.csv:3:1: label \"99999999999999999999999\" is too large — write the class id as a whole number from 0 to 2147483647"),
        (head + ",train,0\n", "d.csv:3:1: label is empty — write the class id as a whole number from 0 to 2147483647"),
        (head + "2,Train,0\n", "d.csv:3:2: split \"Train\" is not train or test — write train or test (lower case)"),
        (head + "2,\"train,0\n", "d.csv:3:2: unterminated quoted cell — close it with a double quote (write a quote inside a cell as \"\")"),
        (head + "2,\"train\"x,0\n", "d.csv:3:2: text after the closing quote of a cell — put the whole cell inside the quotes, or remove the quotes"),
        ("label,split,x0\r\n\r\n1,train,0.5\r\n2,train,bad\r\n",
         "d.csv:4:3: feature \"x0\" is not a number: \"bad\" — write a decimal number such as 0.25 or -1.5e-3"),
        ("label,split,x0\n\"1\",train,\"0.5\"\n2,\"tr\nain\",0\n",
         "d.csv:3:2: split \"tr\\nain\" is not train or test — write train or test (lower case)"),
        ("label,split,\"x\n0\"\n1,train,0.5\n2,train,x\n",
         "d.csv:4:3: feature \"x\\n0\" is not a number: \"x\" — write a decimal number such as 0.25 or -1.5e-3"),
        ("label,split,x0\n1,train,\"0.5\n\"\n",
         "d.csv:2:3: feature \"x0\" is not a number: \"0.5\\n\" — write a decimal number such as 0.25 or -1.5e-3"),
    ])
    func cellErrors(text: String, message: String) {
        #expect(csvError(text) == message)
    }

    @Test("a long bad cell is quoted truncated to 32 characters")
    func truncatedCell() {
        let long = String(repeating: "a", count: 50)
        #expect(csvError(Self.head + "1,train,\(long)\n")
            == "d.csv:3:3: feature \"x0\" is not a number: \"\(String(repeating: "a", count: 32))…\" — write a decimal number such as 0.25 or -1.5e-3")
    }

    @Test("whole-file problems", arguments: [
        ("", "d.csv: file is empty — a CSV data set needs a header row (label,split,x0,x1,...) and data rows"),
        ("\n \r\n\t\n", "d.csv: file is empty — a CSV data set needs a header row (label,split,x0,x1,...) and data rows"),
        ("label,split,x0\n1,test,0\n2,test,1\n",
         "d.csv: no training rows (split = train) — mark the rows to learn from with train in the split column"),
        ("label,split,x0\n1,train,0\n2,train,1\n",
         "d.csv: no test rows (split = test) — mark the rows to evaluate on with test in the split column"),
        ("label,split,x0\n1,train,0\n1,train,1\n1,test,1\n",
         "d.csv: only 1 class (label 1) in the training rows — a classifier needs at least 2 classes"),
        ("label,split,x0\n1,train,0\n2,train,0\n1,test,0\n5,test,0\n5,test,1\n8,test,2\n",
         "d.csv:5:1: label 5 appears in test rows but has no training rows — add training rows of class 5 or remove its test rows"),
        ("x,split,label\n0,train,1\n0,train,2\n0,test,8\n0,test,5\n",
         "d.csv:4:3: label 8 appears in test rows but has no training rows — add training rows of class 8 or remove its test rows"),
    ])
    func fileErrors(text: String, message: String) {
        #expect(csvError(text) == message)
    }

    @Test("binary content: NUL bytes and invalid UTF-8 are located by line and cell")
    func binary() {
        #expect(csvError(bytes: Array("label,split,x0\n1,train,0".utf8) + [0] + Array("5\n".utf8))
            == "d.csv:2:3: not a text CSV file: it contains a NUL byte (byte 25) — export the data as UTF-8 CSV text with a header row")
        #expect(csvError(bytes: Array("label,split,x0\n1,train,0\n2,".utf8) + [0xFF, 0x41])
            == "d.csv:3:2: not a text CSV file: it is not valid UTF-8 (byte 28) — export the data as UTF-8 CSV text with a header row")
        // A surrogate encoded in UTF-8 and a truncated sequence are invalid too.
        #expect(csvError(bytes: [0xED, 0xA0, 0x80]).hasPrefix("d.csv:1:1: not a text CSV file: it is not valid UTF-8 (byte 1)"))
        #expect(csvError(bytes: Array("a,b,".utf8) + [0xE2, 0x82]).hasPrefix("d.csv:1:3: not a text CSV file: it is not valid UTF-8 (byte 5)"))
        // Valid multi-byte UTF-8 in a feature name is fine.
        #expect(csvError("label,split,größe\n1,train,1\n2,train,2\n1,test,0\n") == "no error")
    }

    @Test("more than 10000 classes are refused")
    func tooManyClasses() {
        var text = "label,split,x\n"
        for k in 0...10_000 { text += "\(k),train,0\n" }
        text += "0,test,1\n"
        #expect(csvError(text) == "d.csv: 10001 classes, more than the limit of 10000 — merge or drop classes")
    }
}

@Suite("CSV files on disk")
struct DatasetCSVFileTests {
    @Test("missing file, directory, empty file")
    func fileProblems() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let missing = dir.file("nope.csv")
        #expect(errorMessage { _ = try DatasetCSV.read(path: missing) } == "\(missing): no such file — check the path")
        #expect(errorMessage { _ = try DatasetCSV.read(path: dir.path) }
            == "\(dir.path): is a directory, not a file — name a CSV file")
        let empty = dir.write("empty.csv", "")
        #expect(errorMessage { _ = try DatasetCSV.read(path: empty) }
            == "\(empty): file is empty — a CSV data set needs a header row (label,split,x0,x1,...) and data rows")
        let under = dir.write("plain", "x")
        #expect(errorMessage { _ = try DatasetCSV.read(path: under + "/a.csv") }
            == "\(under)/a.csv: a part of the path is not a directory — check the path")
    }

    @Test("a file above 512 MB is refused before it is read")
    func hugeFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.write("huge.csv", "label,split,x0\n")
        // A sparse file: 513 MB long, no disk blocks, so refusing it must not read it.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(513 << 20))
        try handle.close()
        let start = Date()
        #expect(errorMessage { _ = try DatasetCSV.read(path: path) }
            == "\(path): file is 513 MB, larger than the 512 MB limit for a CSV file — use a smaller file")
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(DatasetCSV.maxFileBytes == 536_870_912)
    }

    @Test("unreadable file", .enabled(if: getuid() != 0, "root can read any file"))
    func unreadable() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.write("secret.csv", "label,split,x\n")
        chmod(path, 0)
        #expect(errorMessage { _ = try DatasetCSV.read(path: path) }
            == "\(path): cannot read: Permission denied — check that the file is readable")
    }
}
