/// Reads a `screen import` CSV file: `record,decision[,reason]`, every row checked or, at the first bad
/// cell, an error naming file, line and column. Whether the review rules accept a decision is the
/// registry's to say.
package enum DecisionsFile {
    package struct Row: Equatable, Sendable {
        package let line: Int
        package let record: Int64
        package let decision: ScreeningDecision
        package let reason: String?
    }

    package static func read(_ file: String) throws -> [Row] {
        let csv = try CSVReader(path: file)
        let recordColumn = try csv.requiredColumn("record")
        let decisionColumn = try csv.requiredColumn("decision")
        let reasonColumn = csv.column("reason")
        var rows: [Row] = []
        try csv.forEach { row in
            guard let record = try csv.int(recordColumn, in: row) else {
                throw csv.invalid(recordColumn, row, expected: "a record id")
            }
            let text = csv.string(decisionColumn, in: row) ?? ""
            guard let decision = ScreeningDecision(rawValue: text.lowercased()) else {
                throw csv.invalid(decisionColumn, row, expected: "include, exclude or maybe")
            }
            let reason = reasonColumn.flatMap { csv.string($0, in: row) }.flatMap { $0.isEmpty ? nil : $0 }
            rows.append(Row(line: row.line, record: Int64(record), decision: decision, reason: reason))
        }
        return rows
    }
}
