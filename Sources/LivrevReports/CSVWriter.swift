import Foundation

/// RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break; quotes double.
///
/// Source: https://www.rfc-editor.org/rfc/rfc4180
public enum CSVWriter {
    /// The header line and one line per row, each ending in CRLF-free "\n".
    public static func rendered(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\n" }.joined()
    }

    /// One field, quoted when needed.
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
