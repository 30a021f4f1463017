/// A problem found while reading an import file, located by file, line and column.
///
/// Every description is one line, `file:line:column: message` (or `file:line: …` when only the line
/// is known), lower case after the location, as compilers print diagnostics. The commands turn these
/// into exit code 65 (`EX_DATAERR`, sysexits(3)).
package enum ImportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// A RIS record (started at `line`) reaches the end of the file without `ER  -`.
    case truncated(file: String, line: Int)
    /// A record (started at `line`) lacks a required field such as `TI`.
    case missingField(file: String, line: Int, field: String)
    /// A line inside a record that is neither a tag line nor a continuation.
    case malformedLine(file: String, line: Int, column: Int, reason: String)
    /// Bytes that are not text: invalid UTF-8 or a NUL byte.
    case invalidText(file: String, line: Int, column: Int, reason: String)
    /// A CSV quoted field (opened at `line`, `column`) is still open at the end of the file.
    case unclosedQuote(file: String, line: Int, column: Int)
    /// The file is not text (a binary file, a PDF, a spreadsheet workbook).
    case notText(file: String, what: String)
    /// The file is text, but in none of the formats livrev reads.
    case unsupportedFormat(file: String, looksLike: String)
    /// `--format` names one format and the content is another.
    case formatContradiction(file: String, content: String, given: String)
    /// The file holds no record.
    case noRecords(file: String, format: String)
    /// A CSV row with more fields than the header.
    case tooManyFields(file: String, line: Int, expected: Int, found: Int)
    /// A CSV file without a header row.
    case missingHeader(file: String)
    /// A CSV header without a column the caller needs.
    case missingColumn(file: String, name: String)
    /// A CSV header naming the same column twice.
    case duplicateColumn(file: String, name: String)
    /// A CSV cell whose text is not what the column needs (`expected` is e.g. "a number").
    case invalidValue(file: String, line: Int, column: Int, name: String, value: String, expected: String)

    package var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read file: \(reason)"
        case .truncated(let file, let line):
            return "\(file):\(line):1: record ends without ER - (truncated file?)"
        case .missingField(let file, let line, let field):
            return "\(file):\(line):1: record has no \(field) field"
        case .malformedLine(let file, let line, let column, let reason):
            return "\(file):\(line):\(column): \(reason)"
        case .invalidText(let file, let line, let column, let reason):
            return "\(file):\(line):\(column): \(reason)"
        case .unclosedQuote(let file, let line, let column):
            return "\(file):\(line):\(column): quoted field is never closed (missing \")"
        case .notText(let file, let what):
            return "\(file): not a text export: \(what); livrev reads \(ImportFormat.supportedList)"
        case .unsupportedFormat(let file, let looksLike):
            return "\(file): \(looksLike) is not a format livrev reads; it reads \(ImportFormat.supportedList)"
        case .formatContradiction(let file, let content, let given):
            return "\(file): this file is \(content), not \(given) as --format says"
        case .noRecords(let file, let format):
            return "\(file): no record found (read as \(format)); nothing imported"
        case .tooManyFields(let file, let line, let expected, let found):
            return "\(file):\(line): row has \(found) fields but the header has \(expected)"
        case .missingHeader(let file):
            return "\(file): file is empty (no header row)"
        case .missingColumn(let file, let name):
            return "\(file): header has no column '\(name)'"
        case .duplicateColumn(let file, let name):
            return "\(file): header names column '\(name)' twice"
        case .invalidValue(let file, let line, let column, let name, let value, let expected):
            return "\(file):\(line): column '\(name)' (\(column)): not \(expected): \(quoted(value))"
        }
    }
}

/// Shows a cell value in a message: in double quotes, control characters escaped, long values cut.
private func quoted(_ value: String) -> String {
    var text = ""
    for scalar in value.unicodeScalars.prefix(60) {
        switch scalar {
        case "\"": text += "\\\""
        case "\\": text += "\\\\"
        case "\n": text += "\\n"
        case "\r": text += "\\r"
        case "\t": text += "\\t"
        default:
            text += scalar.value < 0x20 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
    }
    if value.unicodeScalars.count > 60 { text += "…" }
    return "\"\(text)\""
}
