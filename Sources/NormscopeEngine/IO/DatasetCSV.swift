/// Reads and writes data sets as CSV: a header row, a `label` and a `split` column, every other column a feature.
///
/// ```
/// label,split,x0,x1
/// 3,train,0.25,-1.5
/// 7,test,1e-3,2.0
/// ```
/// Labels are arbitrary non-negative integers; `split` is `train` or `test`; features are finite float32 numbers.
/// Errors are `NormscopeError.badFile` with one line `"<file>:<line>:<column>: <what> — <how to fix>"`
/// (`"<file>: ..."` for problems of the whole file); lines are 1-based physical lines, columns 1-based cells.
package enum DatasetCSV {
    /// Largest CSV file read (512 MB); larger files are refused before they are read.
    package static let maxFileBytes = 512 << 20
    /// Most feature columns accepted (the recipe's limit on `dimension`).
    static let maxFeatures = 4096
    /// Most distinct classes accepted (the recipe's limit on `classes`).
    static let maxClasses = 10_000
    /// Largest label accepted.
    static let maxLabel = Int(Int32.max)

    /// Reads the CSV data set at `path`; its name is the file name without extension.
    package static func read(path: String) throws(NormscopeError) -> Dataset {
        try read(path: path, limit: maxFileBytes)
    }

    /// `read(path:)` with a size limit (tests use a small one).
    static func read(path: String, limit: Int) throws(NormscopeError) -> Dataset {
        let bytes = try FileBytes.read(path: path, limit: limit, what: "CSV")
        return try parse(bytes: bytes, fileName: path)
    }

    /// Parses CSV text; `fileName` prefixes error messages and, without extension, names the data set.
    package static func parse(text: String, fileName: String) throws(NormscopeError) -> Dataset {
        try parse(bytes: Array(text.utf8), fileName: fileName)
    }

    /// Parses CSV bytes (UTF-8, an optional byte order mark); `fileName` as in `parse(text:fileName:)`.
    package static func parse(bytes: [UInt8], fileName: String) throws(NormscopeError) -> Dataset {
        try bytes.withUnsafeBufferPointer { buffer throws(NormscopeError) in
            var reader = CSVDatasetReader(bytes: buffer, fileName: fileName)
            return try reader.read()
        }
    }

    /// The data set name for a file name: its last path component without extension.
    static func datasetName(fileName: String) -> String {
        let base = fileName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}

/// The state of one CSV parse: header roles, rows read so far, first test line of each label.
private struct CSVDatasetReader {
    /// What a column holds.
    enum Role { case label, split, feature }

    let bytes: UnsafeBufferPointer<UInt8>
    let fileName: String

    init(bytes: UnsafeBufferPointer<UInt8>, fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
    }

    func fail(_ line: Int, _ column: Int, _ message: String) -> NormscopeError {
        .badFile("\(fileName):\(line):\(column): \(message)")
    }

    func fail(_ message: String) -> NormscopeError {
        .badFile("\(fileName): \(message)")
    }

    /// The header's columns: names, roles and the feature columns' names.
    struct Header {
        let names: [String]
        let roles: [Role]
        let featureNames: [String]
        var width: Int { names.count }
    }

    /// The data rows read, by split, with the first test use of each label (where an unseen one is reported).
    struct Rows {
        var trainFeatures: [Float] = [], testFeatures: [Float] = []
        var trainLabels: [Int] = [], testLabels: [Int] = []
        var firstTestUse: [Int: (line: Int, column: Int)] = [:]
    }

    mutating func read() throws(NormscopeError) -> Dataset {
        var tokenizer = CSVTokenizer(bytes: bytes, fileName: fileName, start: try textStart())
        var cells: [CSVCell] = []
        let header = try readHeader(&tokenizer, &cells)
        let rows = try readRows(&tokenizer, &cells, header)
        try checkClasses(rows)
        return Dataset(name: DatasetCSV.datasetName(fileName: fileName), dimension: header.featureNames.count,
                       trainFeatures: rows.trainFeatures, trainLabels: rows.trainLabels,
                       testFeatures: rows.testFeatures, testLabels: rows.testLabels)
    }

    /// Where the text starts (after a UTF-8 byte order mark, which Excel writes), once the bytes are checked as text.
    func textStart() throws(NormscopeError) -> Int {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        if let (offset, problem) = TextCheck.firstProblem(in: UnsafeBufferPointer(rebasing: bytes[start...])) {
            let at = start + offset
            throw fail(TextCheck.line(of: at, in: bytes), cellColumn(of: at),
                       "not a text CSV file: \(problem.text) (byte \(at + 1))"
                       + " — export the data as UTF-8 CSV text with a header row")
        }
        return start
    }

    /// The header: the first non-blank record, its names checked.
    func readHeader(_ tokenizer: inout CSVTokenizer, _ cells: inout [CSVCell]) throws(NormscopeError) -> Header {
        var headerLine = 0
        while let line = try tokenizer.next(into: &cells) {
            if !isBlank(cells, tokenizer) { headerLine = line; break }
        }
        guard headerLine > 0 else {
            throw fail("file is empty — a CSV data set needs a header row (label,split,x0,x1,...) and data rows")
        }
        let names = cells.map { tokenizer.string($0) }
        let roles = try headerRoles(names: names, cells: cells, line: headerLine)
        return Header(names: names, roles: roles, featureNames: zip(names, roles).filter { $0.1 == .feature }.map(\.0))
    }

    /// The data rows after the header, each of the header's width, split into training and test rows.
    func readRows(_ tokenizer: inout CSVTokenizer, _ cells: inout [CSVCell], _ header: Header) throws(NormscopeError) -> Rows {
        var rows = Rows()
        let labelColumn = header.roles.firstIndex(of: .label)! + 1
        var row: [Float] = Array(repeating: 0, count: header.featureNames.count)
        while let line = try tokenizer.next(into: &cells) {
            if isBlank(cells, tokenizer) { continue }
            if cells.count != header.width {
                let column = cells.count > header.width ? header.width + 1 : cells.count + 1
                throw fail(line, column, "row has \(cells.count) cells, expected \(header.width) as in the header"
                    + " — give every row one value per header column")
            }
            let (label, isTrain) = try parseRow(cells, tokenizer, header, into: &row)
            if isTrain {
                rows.trainLabels.append(label)
                rows.trainFeatures.append(contentsOf: row)
            } else {
                if rows.firstTestUse[label] == nil { rows.firstTestUse[label] = (line, labelColumn) }
                rows.testLabels.append(label)
                rows.testFeatures.append(contentsOf: row)
            }
        }
        return rows
    }

    /// One data row's label and split; its features go into `row`.
    func parseRow(_ cells: [CSVCell], _ tokenizer: CSVTokenizer, _ header: Header,
                  into row: inout [Float]) throws(NormscopeError) -> (label: Int, isTrain: Bool) {
        var label = 0, isTrain = true, f = 0
        for (k, cell) in cells.enumerated() {
            let cellLine = cell.line, column = k + 1
            switch header.roles[k] {
            case .label:
                label = try parseLabel(tokenizer.string(cell), line: cellLine, column: column)
            case .split:
                let text = tokenizer.string(cell)
                switch text {
                case "train": isTrain = true
                case "test": isTrain = false
                default:
                    throw fail(cellLine, column, "split \(TextCheck.quote(text)) is not train or test"
                        + " — write train or test (lower case)")
                }
            case .feature:
                row[f] = try parseFeature(tokenizer.string(cell), name: header.featureNames[f],
                                          line: cellLine, column: column)
                f += 1
            }
        }
        return (label, isTrain)
    }

    /// Checks the classes: both splits present, every test label trained on, 2 to `DatasetCSV.maxClasses` classes.
    func checkClasses(_ rows: Rows) throws(NormscopeError) {
        guard !rows.trainLabels.isEmpty else {
            throw fail("no training rows (split = train) — mark the rows to learn from with train in the split column")
        }
        guard !rows.testLabels.isEmpty else {
            throw fail("no test rows (split = test) — mark the rows to evaluate on with test in the split column")
        }
        let trainClasses = Set(rows.trainLabels)
        let unseen = rows.firstTestUse.filter { !trainClasses.contains($0.key) }
        if let (label, at) = unseen.min(by: { $0.value.line < $1.value.line }) {
            throw fail(at.line, at.column, "label \(label) appears in test rows but has no training rows"
                + " — add training rows of class \(label) or remove its test rows")
        }
        if trainClasses.count < 2 {
            throw fail("only 1 class (label \(rows.trainLabels[0])) in the training rows"
                + " — a classifier needs at least 2 classes")
        }
        if trainClasses.count > DatasetCSV.maxClasses {
            throw fail("\(trainClasses.count) classes, more than the limit of \(DatasetCSV.maxClasses)"
                + " — merge or drop classes")
        }
    }

    // MARK: - Header

    /// The role of each header column, after checking names: label and split present once, features present.
    func headerRoles(names: [String], cells: [CSVCell], line: Int) throws(NormscopeError) -> [Role] {
        var seen: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            let column = k + 1, cellLine = cells[k].line
            if name.isEmpty {
                let hint = column == names.count ? " (a comma at the end of the header adds an empty column)" : ""
                throw fail(cellLine, column, "column \(column) has an empty name\(hint) — name every column")
            }
            if let first = seen[name] {
                throw fail(cellLine, column, "duplicate column name \(TextCheck.quote(name)) (also column \(first))"
                    + " — give every column a different name")
            }
            seen[name] = column
        }
        guard seen["label"] != nil else {
            let numeric = names.filter { Float($0) != nil }.count
            if names.contains("train") || names.contains("test") || numeric * 2 > names.count {
                throw fail(line, 1, "no header row: line \(line) looks like data"
                    + " — add a first line naming the columns, e.g. label,split,x0,x1")
            }
            throw fail(line, 1, "no \"label\" column\(caseHint("label", names))"
                + " — name the integer class column exactly label")
        }
        guard seen["split"] != nil else {
            throw fail(line, 1, "no \"split\" column\(caseHint("split", names))"
                + " — add a column split holding train or test in every row")
        }
        let roles: [Role] = names.map { $0 == "label" ? .label : $0 == "split" ? .split : .feature }
        let features = roles.filter { $0 == .feature }.count
        if features == 0 {
            throw fail(line, names.count + 1, "no feature columns"
                + " — add at least one numeric column besides label and split")
        }
        if features > DatasetCSV.maxFeatures {
            throw fail(line, 1, "\(features) feature columns, more than the limit of \(DatasetCSV.maxFeatures)"
                + " — reduce the number of features")
        }
        return roles
    }

    /// " (found "Label"; names are case-sensitive)" when a column matches `wanted` up to case.
    func caseHint(_ wanted: String, _ names: [String]) -> String {
        guard let near = names.first(where: { $0.lowercased() == wanted }) else { return "" }
        return " (found \(TextCheck.quote(near)); names are case-sensitive)"
    }

    // MARK: - Cells

    func parseLabel(_ text: String, line: Int, column: Int) throws(NormscopeError) -> Int {
        let fix = " — write the class id as a whole number from 0 to \(DatasetCSV.maxLabel)"
        if text.isEmpty { throw fail(line, column, "label is empty" + fix) }
        var digits = Substring(text)
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw fail(line, column, "label \(TextCheck.quote(text)) is not a whole number" + fix)
        }
        let value = Int(digits)
        if negative && value != 0 { throw fail(line, column, "label \(TextCheck.quote(text)) is negative" + fix) }
        guard let value, value <= DatasetCSV.maxLabel else {
            throw fail(line, column, "label \(TextCheck.quote(text)) is too large" + fix)
        }
        return value
    }

    func parseFeature(_ text: String, name: String, line: Int, column: Int) throws(NormscopeError) -> Float {
        if let value = Float(text), value.isFinite { return value }
        let feature = "feature \(TextCheck.quote(name))"
        if text.isEmpty {
            throw fail(line, column, "\(feature) is empty — every feature cell needs a number")
        }
        guard let value = Float(text) else {
            throw fail(line, column, "\(feature) is not a number: \(TextCheck.quote(text))"
                + " — write a decimal number such as 0.25 or -1.5e-3")
        }
        let lower = text.lowercased()
        if value.isNaN {
            throw fail(line, column, "\(feature) is NaN (\(TextCheck.quote(text)))"
                + " — replace missing values with a number, or drop the row")
        }
        if lower.contains("inf") {
            throw fail(line, column, "\(feature) is infinite (\(TextCheck.quote(text)))"
                + " — use finite numbers only")
        }
        throw fail(line, column, "\(feature) value \(TextCheck.quote(text)) is out of float32 range (±3.4e38)"
            + " — rescale the feature")
    }

    // MARK: - Helpers

    /// Whether a record is a blank line (one empty cell).
    func isBlank(_ cells: [CSVCell], _ tokenizer: CSVTokenizer) -> Bool {
        cells.count == 1 && tokenizer.isEmpty(cells[0])
    }

    /// The 1-based cell position of byte `offset` in its physical line (commas outside quotes before it, plus 1).
    func cellColumn(of offset: Int) -> Int {
        var column = 1, quoted = false
        for i in TextCheck.lineStart(of: offset, in: bytes)..<offset {
            if bytes[i] == 0x22 { quoted.toggle() } else if bytes[i] == 0x2C && !quoted { column += 1 }
        }
        return column
    }
}
