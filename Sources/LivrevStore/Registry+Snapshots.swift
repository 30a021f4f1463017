/// A named, frozen version of the registry.
package struct Snapshot: Equatable, Sendable {
    package let name: String
    /// The revision the snapshot names: every read "as of" it is bounded by this.
    package let atRevision: Int64
    package let createdAt: String
    package let reviewer: String?
    package let note: String?
}

extension Registry {
    /// Names the registry's current state. O(1): one row, nothing copied.
    ///
    /// - Throws: `StoreError.snapshotExists` when the name is taken.
    package func createSnapshot(_ name: String, note: String?, revision: Int64) throws -> Snapshot {
        if try snapshotIfExists(name) != nil { throw StoreError.snapshotExists(name) }
        let head = try connection.scalarInt("SELECT max(id) FROM revision WHERE id < ?", revision) ?? revision
        try connection.execute(
            "INSERT INTO snapshot (revision, name, at_revision, note) VALUES (?, ?, ?, ?)", revision, name, head, note)
        return try snapshot(named: name)
    }

    /// Every snapshot as of `revision`, oldest first.
    package func snapshots(at revision: Int64 = .max) throws -> [Snapshot] {
        try connection.prepare(
            """
            SELECT s.name, s.at_revision, r.created_at, r.reviewer, s.note
            FROM snapshot s JOIN revision r ON r.id = s.revision WHERE s.revision <= ? ORDER BY s.id
            """
        ).map([revision], Registry.snapshot)
    }

    /// The snapshots a read as of `revision` has in its timeline, oldest first: every one that names a
    /// revision ≤ `revision`. A snapshot taken at revision r holds everything up to r (its own row is
    /// written one revision later), so a read at snapshot S includes S. `.max` gives all of them.
    package func snapshots(upTo revision: Int64) throws -> [Snapshot] {
        try connection.prepare(
            """
            SELECT s.name, s.at_revision, r.created_at, r.reviewer, s.note
            FROM snapshot s JOIN revision r ON r.id = s.revision WHERE s.at_revision <= ? ORDER BY s.id
            """
        ).map([revision], Registry.snapshot)
    }

    /// The snapshot with this name.
    ///
    /// - Throws: `StoreError.noSuchSnapshot`.
    package func snapshot(named name: String) throws -> Snapshot {
        guard let snapshot = try snapshotIfExists(name) else { throw StoreError.noSuchSnapshot(name) }
        return snapshot
    }

    private func snapshotIfExists(_ name: String) throws -> Snapshot? {
        try connection.prepare(
            """
            SELECT s.name, s.at_revision, r.created_at, r.reviewer, s.note
            FROM snapshot s JOIN revision r ON r.id = s.revision WHERE s.name = ?
            """
        ).first([name], Registry.snapshot)
    }

    private static func snapshot(_ row: Row) throws -> Snapshot {
        try Snapshot(
            name: row.text("name") ?? "", atRevision: row.int64("at_revision"), createdAt: row.text("created_at") ?? "",
            reviewer: row.text("reviewer"), note: row.text("note"))

    }

    /// What a version of the review holds: records, screening decisions (every one recorded), studies,
    /// and the outcome rows that count (not retracted), as of `revision`.
    package func contents(at revision: Int64) throws -> [(label: String, count: Int)] {
        func count(_ sql: String) throws -> Int { Int(try connection.scalarInt(sql, revision) ?? 0) }
        return [
            ("records", try count("SELECT count(*) FROM record WHERE revision <= ?1")),
            ("decisions", try count("SELECT count(*) FROM decision WHERE revision <= ?1")),
            ("studies", try count("SELECT count(*) FROM study WHERE revision <= ?1")),
            (
                "outcome_rows",
                try count(
                    """
                    SELECT count(*) FROM outcome_row r WHERE r.revision <= ?1
                    AND NOT EXISTS (SELECT 1 FROM outcome_row_retraction x WHERE x.row_id = r.id AND x.revision <= ?1)
                    """)
            ),
        ]
    }
}
