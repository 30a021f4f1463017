/// A plain-text table with aligned columns, for the default human output.
///
/// Numeric-looking columns are right-aligned, text columns left-aligned; the last column is
/// never padded, so long titles do not leave trailing spaces.
///
/// For example:
///
///     TextTable(header: ["id", "title"], rows: [["1", "Stem cells"]]).rendered()
///     // "id  title\n 1  Stem cells\n"
public struct TextTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    public func rendered() -> String {
        let columns = header.count
        var widths = header.map(\.count)
        var numeric = Array(repeating: true, count: columns)
        for row in rows {
            for (index, cell) in row.prefix(columns).enumerated() {
                widths[index] = max(widths[index], cell.count)
                if !cell.isEmpty, !TextTable.looksNumeric(cell) { numeric[index] = false }
            }
        }
        var out = ""
        for row in [header] + rows {
            var cells: [String] = []
            for index in 0..<columns {
                let cell = index < row.count ? row[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if index == columns - 1 {
                    cells.append(numeric[index] ? padding + cell : cell)
                } else {
                    cells.append(numeric[index] ? padding + cell : cell + padding)
                }
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        return out
    }

    private static func looksNumeric(_ cell: String) -> Bool {
        cell.allSatisfy { $0.isNumber || "-+.,%eE".contains($0) } || cell == "—"
    }
}
