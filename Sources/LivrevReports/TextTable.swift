/// A plain-text table with aligned columns, for the default human output: the one table
/// renderer of every command.
///
/// Numeric-looking columns are right-aligned, text columns left-aligned; the last column is
/// never padded, so long titles do not leave trailing spaces. A table wider than `width` (100
/// columns by default, so it fits a terminal) first leaves out its `droppable` columns, least
/// needed first, saying which below the table; then wraps its widest text columns onto more
/// lines. `width: nil` (`--wide`) prints every column at full width.
///
/// For example:
///
///     TextTable(header: ["id", "title"], rows: [["1", "Stem cells"]]).rendered()
///     // "id  title\n 1  Stem cells\n"
public struct TextTable: Sendable {
    public let header: [String]
    public let rows: [[String]]
    /// Columns that may be left out when the table does not fit, least needed first.
    public var droppable: [Int]
    /// Columns that may wrap onto more lines (nil: every text column). Keep cells such as
    /// "0.25 [-0.26, 0.76]" whole by leaving their columns out.
    public var wrapping: [Int]?

    /// The width every command's text tables fit unless `--wide` is given.
    public static let terminalWidth = 100

    public init(header: [String], rows: [[String]], droppable: [Int] = [], wrapping: [Int]? = nil) {
        self.header = header
        self.rows = rows
        self.droppable = droppable
        self.wrapping = wrapping
    }

    public func rendered(width: Int? = TextTable.terminalWidth) -> String {
        var columns = Array(header.indices)
        var widths = header.indices.map { column in ([header] + rows).map { cell($0, column).count }.max() ?? 0 }
        let numeric = header.indices.map { column in
            rows.allSatisfy { row in
                let text = cell(row, column)
                return text.isEmpty || TextTable.looksNumeric(text)
            }
        }
        func total() -> Int { columns.map { widths[$0] }.reduce(0, +) + 2 * max(0, columns.count - 1) }
        var dropped: [String] = []
        if let width {
            for column in droppable where total() > width && columns.count > 1 {
                columns.removeAll { $0 == column }
                dropped.append(header[column])
            }
            // Narrow the widest text column one character at a time, down to its longest word (at most 16).
            let floors = header.indices.map { column in
                max(
                    header[column].count,
                    min(16, rows.map { TextTable.longestWord(cell($0, column)) }.max() ?? 0))
            }
            while total() > width {
                let shrinkable = columns.filter {
                    !numeric[$0] && widths[$0] > floors[$0] && (wrapping?.contains($0) ?? true)
                }
                guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        var out = ""
        for row in [header] + rows {
            let wrapped = columns.map { TextTable.wrapped(cell(row, $0), width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            for line in 0..<height {
                var cells: [String] = []
                for (position, column) in columns.enumerated() {
                    let text = line < wrapped[position].count ? wrapped[position][line] : ""
                    let padding = String(repeating: " ", count: max(0, widths[column] - text.count))
                    if position == columns.count - 1 {
                        cells.append(numeric[column] ? padding + text : text)
                    } else {
                        cells.append(numeric[column] ? padding + text : text + padding)
                    }
                }
                out += TextTable.trailingSpaceTrimmed(cells.joined(separator: "  ")) + "\n"
            }
        }
        if !dropped.isEmpty {
            out += "(\(dropped.joined(separator: ", ")) left out to fit \(width ?? 0) columns; --wide shows them)\n"
        }
        return out
    }

    private func cell(_ row: [String], _ column: Int) -> String {
        column < row.count ? row[column] : ""
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word is cut).
    public static func wrapped(_ text: String, width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            while word.count > width {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private static func longestWord(_ text: String) -> Int {
        text.split(separator: " ").map(\.count).max() ?? 0
    }

    private static func trailingSpaceTrimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    private static func looksNumeric(_ cell: String) -> Bool {
        cell.allSatisfy { $0.isNumber || "-+.,%eE".contains($0) } || cell == "—"
    }
}
