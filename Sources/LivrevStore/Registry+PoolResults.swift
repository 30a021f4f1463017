/// A pool result kept with what it was computed from, so that anyone can re-run it and compare.
package struct StoredPoolResult: Equatable, Sendable {
    /// The analysis specification (outcome, measure, method, …) in a canonical form.
    package let spec: String
    /// The revision the analysis read.
    package let atRevision: Int64
    /// BLAKE2b over the input rows in a canonical form.
    package let inputHash: String
    /// The exact bytes the analysis printed.
    package let output: String
    /// The revision that stored it, and when and by whom.
    package let storedIn: Int64
    package let storedAt: String
    package let storedBy: String?
}

extension Registry {
    /// BLAKE2b over outcome rows in a canonical form: what an analysis read, whatever it printed.
    package static func inputHash(_ rows: [OutcomeRow]) -> String {
        var hash = BLAKE2b()
        for row in rows {
            hash.update("\(row.id)\u{1}\(row.study)\u{1}\(row.outcome)\u{1}\(row.label ?? "")\u{1}\(row.data)\n")
        }
        return hash.finalize()
    }

    /// Stores a result.
    package func storePoolResult(spec: String, atRevision: Int64, inputHash: String, output: String, revision: Int64) throws {
        try connection.execute(
            "INSERT INTO pool_result (revision, spec, at_revision, input_hash, output) VALUES (?, ?, ?, ?, ?)",
            revision, spec, atRevision, inputHash, output)
    }

    /// The latest stored result of `spec` at `atRevision`, if any.
    package func storedPoolResult(spec: String, atRevision: Int64) throws -> StoredPoolResult? {
        try connection.prepare(
            """
            SELECT p.spec, p.at_revision, p.input_hash, p.output, p.revision, r.created_at, r.reviewer
            FROM pool_result p JOIN revision r ON r.id = p.revision
            WHERE p.spec = ? AND p.at_revision = ? ORDER BY p.id DESC LIMIT 1
            """
        ).first([spec, atRevision]) { row in
            try StoredPoolResult(
                spec: row.text("spec") ?? "", atRevision: row.int64("at_revision"), inputHash: row.text("input_hash") ?? "",
                output: row.text("output") ?? "", storedIn: row.int64("revision"), storedAt: row.text("created_at") ?? "",
                storedBy: row.text("reviewer"))
        }

    }
}
