import RiskOfBias

/// Reads a `rob import` CSV file: `study,domain,judgement[,support]`, with domains and judgements
/// checked against `tool` (spelled as the tool spells them), or an error naming file, line and column.
package enum RiskOfBiasFile {
    package struct Row: Equatable, Sendable {
        package let line: Int
        package let study: String
        /// The domain as the tool names it.
        package let domain: String
        /// The judgement, one of the tool's levels.
        package let judgement: RiskOfBiasLevel
        package let support: String?
    }

    package static func read(_ file: String, tool: RiskOfBiasTool) throws -> [Row] {
        let csv = try CSVReader(path: file)
        let studyColumn = try csv.requiredColumn("study")
        let domainColumn = try csv.requiredColumn("domain")
        let judgementColumn = try csv.requiredColumn("judgement")
        let supportColumn = csv.column("support")
        var rows: [Row] = []
        try csv.forEach { row in
            guard let domain = tool.domain(csv.string(domainColumn, in: row) ?? "") else {
                throw csv.invalid(
                    domainColumn, row, expected: "a \(tool.rawValue) domain (\(tool.domainKeys.joined(separator: ", ")))")
            }
            guard let judgement = tool.level(csv.string(judgementColumn, in: row) ?? "") else {
                throw csv.invalid(
                    judgementColumn, row,
                    expected: "a \(tool.rawValue) judgement (\(tool.levels.map(\.rawValue).joined(separator: ", ")))")
            }
            rows.append(
                Row(
                    line: row.line, study: csv.string(studyColumn, in: row) ?? "", domain: domain, judgement: judgement,
                    support: supportColumn.flatMap { csv.string($0, in: row) }))
        }
        return rows
    }
}
