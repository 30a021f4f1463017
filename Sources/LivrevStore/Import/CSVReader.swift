/// Streams the rows of an RFC 4180 CSV file that starts with a header row.
///
/// Fields are separated by commas; a field in double quotes may hold commas, line breaks and doubled
/// quotes (`""`). CRLF or LF line ends and a UTF-8 BOM are accepted, blank lines are skipped, and
/// rows shorter than the header read as empty cells. Errors: a quoted field still open at the end of
/// the file, a quote inside an unquoted field, a row longer than the header, and bytes that are not
/// UTF-8 text. Spaces around a quoted field are tolerated. Source: RFC 4180, "Common Format and MIME
/// Type for Comma-Separated Values (CSV) Files", §2.
package final class CSVReader {
    /// The header row's column names (trimmed).
    package let header: CSVHeader
    private let lines: LineReader
    @exclusivity(unchecked) private var field: [UInt8] = []  // one thread; see LineReader

    /// Reads CSV text from memory; `file` names it in errors.
    package init(bytes: [UInt8], file: String = "<input>", chunkSize: Int = 64 * 1024) throws(ImportError) {
        lines = LineReader(bytes: bytes, file: file, chunkSize: chunkSize)
        header = try Self.readHeader(lines)
    }

    /// Reads the CSV file at `path`, one chunk at a time.
    package init(path: String) throws(ImportError) {
        lines = try LineReader(path: path)
        header = try Self.readHeader(lines)
    }

    /// The file name used in errors.
    package var file: String { lines.file }

    /// The next data row, or nil at the end of the file.
    package func next() throws(ImportError) -> CSVRow? {
        while let row = try readRow() {
            if row.fields.allSatisfy(\.isEmpty) { continue }  // blank line, or a spreadsheet's empty row
            if row.fields.count > header.names.count {
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

    private static func readHeader(_ lines: LineReader) throws(ImportError) -> CSVHeader {
        let parser = CSVReader(lines: lines)
        while let row = try parser.readRow() {
            if row.fields.count == 1 && row.fields[0].isEmpty { continue }
            return try CSVHeader(names: row.fields.map(\.trimmingSpaces), file: lines.file)
        }
        throw ImportError.missingHeader(file: lines.file)
    }

    private init(lines: LineReader) {
        self.lines = lines
        header = CSVHeader(unchecked: [])
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// Reads one record (which may span lines); nil at the end of the file.
    private func readRow() throws(ImportError) -> CSVRow? {
        guard try lines.nextLine() else { return nil }
        let startLine = lines.lineNumber
        var fields: [String] = []
        var state = State.fieldStart
        var quoteLine = 0
        field.removeAll(keepingCapacity: true)
        while true {
            try lines.validateLine()
            let unexpectedAt: Int? = try lines.withLine { line throws(ImportError) -> Int? in
                let count = line.count
                var offset = 0
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
                        while end < count && line[end] != 0x2C && line[end] != 0x22 { end += 1 }
                        if end > offset {
                            field.append(contentsOf: UnsafeBufferPointer(rebasing: line[offset..<end]))
                            state = .unquoted
                        }
                        if end == count { return nil }
                        if line[end] == 0x2C {
                            fields.append(String(decoding: field, as: UTF8.self))
                            field.removeAll(keepingCapacity: true)
                            state = .fieldStart
                        } else {
                            guard field.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return end }
                            field.removeAll(keepingCapacity: true)
                            state = .quoted
                            quoteLine = lines.lineNumber
                        }
                        offset = end + 1
                    case .afterQuote:
                        let byte = line[offset]
                        if byte == 0x22 {
                            field.append(0x22)
                            state = .quoted
                        } else if byte == 0x2C {
                            fields.append(String(decoding: field, as: UTF8.self))
                            field.removeAll(keepingCapacity: true)
                            state = .fieldStart
                        } else if byte != 0x20 && byte != 0x09 {
                            return offset
                        }
                        offset += 1
                    }
                }
                return nil
            }
            if let offset = unexpectedAt {
                throw ImportError.unexpectedQuote(file: file, line: lines.lineNumber, column: lines.column(ofOffset: offset))
            }
            if state != .quoted { break }
            field.append(0x0A)
            guard try lines.nextLine() else {
                throw ImportError.unclosedQuote(file: file, line: quoteLine)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRow(line: startLine, fields: fields)
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
