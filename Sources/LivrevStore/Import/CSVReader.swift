/// Streams the rows of a CSV file (RFC 4180, read as Excel and Python's `csv` module read it) that
/// has a header row.
///
/// Fields are separated by the delimiter (comma by default; semicolon as Excel writes in many
/// locales; tab); a field in double quotes may hold delimiters, line breaks and doubled quotes
/// (`""`). CRLF or LF line ends and a UTF-8 BOM are accepted, blank lines are skipped, and rows
/// shorter than the header read as empty cells. Quotes written loosely are read as Python's `csv`
/// (strict off) and Excel read them: a `"` inside a field that did not start with one is a literal
/// quote, and text after a closing quote is appended to the field. Errors: a quoted field still open
/// at the end of the file, a row with more non-empty fields than the header, and bytes that are not
/// UTF-8 text. Source: RFC 4180 §2; CPython `Modules/_csv.c` (`parse_process_char`).
package final class CSVReader {
    /// The header row's column names (trimmed).
    package let header: CSVHeader
    private let lines: LineReader
    private let delimiter: UInt8
    @exclusivity(unchecked) private var field: [UInt8] = []  // one thread; see LineReader

    /// Reads CSV text from memory; `file` names it in errors.
    package init(bytes: [UInt8], file: String = "<input>", chunkSize: Int = 64 * 1024) throws(ImportError) {
        lines = LineReader(bytes: bytes, file: file, chunkSize: chunkSize)
        delimiter = 0x2C
        header = try Self.readHeader(lines, delimiter: delimiter, isHeader: { _ in true })
    }

    /// Reads the CSV file at `path`, one chunk at a time.
    package init(path: String) throws(ImportError) {
        lines = try LineReader(path: path)
        delimiter = 0x2C
        header = try Self.readHeader(lines, delimiter: delimiter, isHeader: { _ in true })
    }

    /// Reads CSV from `lines` with `delimiter`; the header is the first row `isHeader` accepts within
    /// the first 50 rows (exports such as Embase's put a preamble before it), else the first row.
    package init(lines: LineReader, delimiter: UInt8, isHeader: ([String]) -> Bool) throws(ImportError) {
        self.lines = lines
        self.delimiter = delimiter
        header = try Self.readHeader(lines, delimiter: delimiter, isHeader: isHeader)
    }

    /// The file name used in errors.
    package var file: String { lines.file }

    /// The next data row, or nil at the end of the file.
    package func next() throws(ImportError) -> CSVRow? {
        while let row = try readRow() {
            if row.fields.allSatisfy(\.isEmpty) { continue }  // blank line, or a spreadsheet's empty row
            if row.fields.count > header.names.count, row.fields[header.names.count...].contains(where: { !$0.isEmpty }) {
                throw ImportError.tooManyFields(
                    file: file, line: row.line, expected: header.names.count,
                    found: row.fields.count)
            }
            return row
        }
        return nil
    }

    /// Calls `body` with each data row in file order.
    package func forEach(_ body: (CSVRow) throws -> Void) throws {
        while let row = try next() { try body(row) }
    }

    /// The column called `name` (case-insensitive), or nil.
    package func column(_ name: String) -> CSVColumn? {
        header.index(of: name).map { CSVColumn(index: $0, name: header.names[$0]) }
    }

    /// The column called `name`; throws ``ImportError/missingColumn(file:name:)`` when there is none.
    package func requiredColumn(_ name: String) throws(ImportError) -> CSVColumn {
        guard let column = column(name) else { throw ImportError.missingColumn(file: file, name: name) }
        return column
    }

    /// The trimmed cell text, or nil when the cell is empty.
    package func string(_ column: CSVColumn, in row: CSVRow) -> String? {
        let text = row[column.index].trimmingSpaces
        return text.isEmpty ? nil : text
    }

    /// The cell as a whole number, or nil when empty; throws when it is something else.
    package func int(_ column: CSVColumn, in row: CSVRow) throws(ImportError) -> Int? {
        guard let text = string(column, in: row) else { return nil }
        guard let value = Int(text) else { throw invalid(column, row, expected: "a whole number") }
        return value
    }

    /// The cell as a finite number, or nil when empty; throws when it is something else.
    package func double(_ column: CSVColumn, in row: CSVRow) throws(ImportError) -> Double? {
        guard let text = string(column, in: row) else { return nil }
        guard let value = Double(text), value.isFinite else { throw invalid(column, row, expected: "a number") }
        return value
    }

    /// The error for a cell that does not hold what its column needs (`expected`: "a number", …).
    package func invalid(_ column: CSVColumn, _ row: CSVRow, expected: String) -> ImportError {
        .invalidValue(
            file: file, line: row.line, column: column.index + 1, name: column.name,
            value: row[column.index], expected: expected)
    }

    private static func readHeader(
        _ lines: LineReader, delimiter: UInt8, isHeader: ([String]) -> Bool
    ) throws(ImportError) -> CSVHeader {
        let parser = CSVReader(lines: lines, delimiter: delimiter)
        var first: [String]?
        var rows = 0
        while rows < 50, let row = try parser.readRow() {
            if row.fields.allSatisfy(\.isEmpty) { continue }
            let names = row.fields.map(\.trimmingSpaces)
            if isHeader(names) { return try CSVHeader(names: names, file: lines.file) }
            if first == nil { first = names }
            rows += 1
        }
        guard let first else { throw ImportError.missingHeader(file: lines.file) }
        return try CSVHeader(names: first, file: lines.file)
    }

    private init(lines: LineReader, delimiter: UInt8) {
        self.lines = lines
        self.delimiter = delimiter
        header = CSVHeader(unchecked: [])
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// Reads one record (which may span lines); nil at the end of the file.
    private func readRow() throws(ImportError) -> CSVRow? {
        guard try lines.nextLine() else { return nil }
        let startLine = lines.lineNumber
        let delimiter = delimiter
        var fields: [String] = []
        var state = State.fieldStart
        var quoteLine = 0
        var quoteColumn = 0
        field.removeAll(keepingCapacity: true)
        while true {
            try lines.validateLine()
            let openedAt: Int? = try lines.withLine { line throws(ImportError) -> Int? in
                let count = line.count
                var offset = 0
                var opened: Int?
                while offset < count {
                    switch state {
                    case .quoted:
                        // Copy the run up to the next quote in one go.
                        var end = offset
                        while end < count && line[end] != 0x22 { end += 1 }
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: line[offset..<end]))
                        if end < count { state = .afterQuote }
                        offset = end + 1
                    case .fieldStart, .unquoted:
                        var end = offset
                        if state == .unquoted {
                            // Inside an unquoted field a quote is just a character (Excel, Python).
                            while end < count && line[end] != delimiter { end += 1 }
                        } else {
                            while end < count && line[end] != delimiter && line[end] != 0x22 { end += 1 }
                        }
                        if end > offset {
                            field.append(contentsOf: UnsafeBufferPointer(rebasing: line[offset..<end]))
                            if end == count || line[end] == delimiter || field.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                                state = .unquoted
                            }
                        }
                        if end == count { return opened }
                        if line[end] == delimiter {
                            fields.append(String(decoding: field, as: UTF8.self))
                            field.removeAll(keepingCapacity: true)
                            state = .fieldStart
                        } else if state == .unquoted {
                            field.append(0x22)
                        } else {
                            // A quote after only spaces opens a quoted field.
                            field.removeAll(keepingCapacity: true)
                            state = .quoted
                            quoteLine = lines.lineNumber
                            opened = end
                        }
                        offset = end + 1
                    case .afterQuote:
                        let byte = line[offset]
                        if byte == 0x22 {
                            field.append(0x22)
                            state = .quoted
                        } else if byte == delimiter {
                            fields.append(String(decoding: field, as: UTF8.self))
                            field.removeAll(keepingCapacity: true)
                            state = .fieldStart
                        } else if (byte == 0x20 || byte == 0x09) && Self.onlySpaces(line, from: offset, until: delimiter) {
                            // Spaces between a closing quote and the delimiter are padding.
                        } else {
                            // Text after a closing quote joins the field (Python's csv, strict off).
                            field.append(byte)
                            state = .unquoted
                        }
                        offset += 1
                    }
                }
                return opened
            }
            if let offset = openedAt, state == .quoted { quoteColumn = lines.column(ofOffset: offset) }
            if state != .quoted { break }
            field.append(0x0A)
            guard try lines.nextLine() else {
                throw ImportError.unclosedQuote(file: file, line: quoteLine, column: max(quoteColumn, 1))
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRow(line: startLine, fields: fields)
    }
}

extension CSVReader {
    /// True when only spaces and tabs follow `offset` up to the next delimiter or the line's end.
    fileprivate static func onlySpaces(_ line: UnsafeBufferPointer<UInt8>, from offset: Int, until delimiter: UInt8) -> Bool {
        var index = offset
        while index < line.count && line[index] != delimiter {
            if line[index] != 0x20 && line[index] != 0x09 { return false }
            index += 1
        }
        return true
    }
}

/// One CSV column, found by name in the header.
package struct CSVColumn: Equatable, Sendable {
    /// 0-based position in the row.
    package let index: Int
    /// The name as written in the header.
    package let name: String
}

/// One CSV data row.
package struct CSVRow: Equatable, Sendable {
    /// The 1-based line where the row starts (a quoted field may carry it over several lines).
    package let line: Int
    /// The cells as written (quotes removed, `""` undone); may be shorter than the header.
    package let fields: [String]

    /// The cell at `index`, or "" past the end of a short row.
    package subscript(index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }
}

/// The header row of a CSV file, with look-up by column name.
package struct CSVHeader: Equatable, Sendable {
    package let names: [String]
    private let lowercased: [String]

    init(names: [String], file: String) throws(ImportError) {
        self.init(unchecked: names)
        var seen = Set<String>()
        for name in lowercased where !name.isEmpty {
            if !seen.insert(name).inserted { throw ImportError.duplicateColumn(file: file, name: name) }
        }
    }

    init(unchecked names: [String]) {
        self.names = names
        lowercased = names.map { $0.lowercased() }
    }

    /// The 0-based index of the column called `name`, compared case-insensitively.
    package func index(of name: String) -> Int? {
        lowercased.firstIndex(of: name.trimmingSpaces.lowercased())
    }
}

extension String {
    /// The string without leading or trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

extension Substring {
    /// The text without leading or trailing spaces and tabs.
    var trimmingSpaces: String { String(self).trimmingSpaces }
}
