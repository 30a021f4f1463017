/// One entry of the audit trail: who ran which command when.
package struct RevisionEntry: Equatable, Sendable {
    package let id: Int64
    package let createdAt: String
    package let reviewer: String?
    package let command: String
}

extension Registry {
    /// Every revision up to `revision`, oldest first.
    package func log(at revision: Int64 = .max) throws -> [RevisionEntry] {
        try connection.prepare(
            "SELECT id, created_at, reviewer, command FROM revision WHERE id <= ? ORDER BY id"
        ).map([revision]) { row in
            try RevisionEntry(
                id: row.int64("id"), createdAt: row.text("created_at") ?? "", reviewer: row.text("reviewer"),
                command: row.text("command") ?? "")

        }
    }
}
