/// Reads a `study import` CSV file: a `study` column and one column per characteristic; empty cells
/// are skipped, values kept verbatim.
package enum CharacteristicsFile {
    package struct Row: Equatable, Sendable {
        package let line: Int
        package let study: String
        /// The non-empty cells, in column order.
        package let values: [(name: String, value: String)]

        package static func == (a: Row, b: Row) -> Bool {
            a.line == b.line && a.study == b.study && a.values.map(\.name) == b.values.map(\.name)
                && a.values.map(\.value) == b.values.map(\.value)
        }
    }

    package static func read(_ file: String) throws -> [Row] {
        let csv = try CSVReader(path: file)
        let study = try csv.requiredColumn("study")
        let columns = csv.header.names.enumerated().filter { $0.offset != study.index && !$0.element.isEmpty }
        var rows: [Row] = []
        try csv.forEach { row in
            guard let key = csv.string(study, in: row), !key.isEmpty else {
                throw csv.invalid(study, row, expected: "a study key")
            }
            let cells = columns.map { (name: $0.element, value: row[$0.offset]) }.filter { !$0.value.isEmpty }
            rows.append(Row(line: row.line, study: key, values: cells))
        }
        return rows
    }
}
