/// Reads a `previous counts` CSV file: `stage,count[,note]`, the previous version's published flow counts.
package enum PreviousCountsFile {
    package static func read(_ file: String) throws -> [(stage: String, count: Int, note: String?)] {
        let csv = try CSVReader(path: file)
        let stage = try csv.requiredColumn("stage")
        let count = try csv.requiredColumn("count")
        let note = csv.column("note")
        var counts: [(stage: String, count: Int, note: String?)] = []
        try csv.forEach { row in
            guard let name = csv.string(stage, in: row), !name.isEmpty else {
                throw csv.invalid(stage, row, expected: "a stage name")
            }
            guard let value = try csv.int(count, in: row), value >= 0 else {
                throw csv.invalid(count, row, expected: "a count (a whole number, 0 or more)")
            }
            counts.append((name, value, note.flatMap { csv.string($0, in: row) }))
        }
        return counts
    }
}
