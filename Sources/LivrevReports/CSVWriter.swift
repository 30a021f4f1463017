/// RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break; quotes double.
///
/// Every CSV livrev writes goes through here, so every text cell that a spreadsheet would run as a
/// formula (one starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`, as
/// OWASP advises; a cell that is a number (`-0.25`, `+3`, `1e-5`) stays a number.
///
/// For example:
///
///     CSVWriter.field("=HYPERLINK(\"http://x\")")   // "'=HYPERLINK(\"\"http://x\"\")", quoted
///     CSVWriter.field("-0.25")                      // "-0.25"
///
/// Source: https://www.rfc-editor.org/rfc/rfc4180, https://owasp.org/www-community/attacks/CSV_Injection
public enum CSVWriter {
    /// The header line and one line per row, each ending in CRLF-free "\n".
    public static func rendered(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\n" }.joined()
    }

    /// One field: neutralised when a spreadsheet would execute it, quoted when needed.
    public static func field(_ value: String) -> String {
        let value = neutralised(value)
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `value` with a leading `'` when it starts like a formula and is not a number.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        if first == "-" || first == "+", let number = Double(value), number.isFinite { return value }
        return "'" + value
    }
}
