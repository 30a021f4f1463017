/// One named, append-only schema change.
package struct Migration: Sendable {
    /// The file name without extension, e.g. "001_initial"; the order of application.
    package let identifier: String
    package let sql: String

    package init(identifier: String, sql: String) {
        self.identifier = identifier
        self.sql = sql
    }
}

/// Applies named migrations in order, each once, each in its own IMMEDIATE transaction,
/// and records them in the `livrev_migrations` table of the file.
///
/// A file that records a migration this binary does not know was written by a newer
/// livrev: opening it fails rather than guessing at a layout.
///
/// Source: GRDB's `DatabaseMigrator`; https://www.sqlite.org/lang_transaction.html
package struct Migrator: Sendable {
    package enum Failure: Error, Equatable {
        /// The file has migrations this binary does not know.
        case newerSchema(unknown: [String])
    }

    private let migrations: [Migration]

    package init(_ migrations: [Migration]) {
        let identifiers = migrations.map(\.identifier)
        precondition(Set(identifiers).count == identifiers.count, "migration registered twice")
        precondition(identifiers == identifiers.sorted(), "migrations must be registered in order")
        self.migrations = migrations
    }

    /// The identifiers already applied to the file, in order.
    package func appliedIdentifiers(_ connection: Connection) throws -> [String] {
        let exists =
            try connection.scalarInt(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'livrev_migrations'") ?? 0
        guard exists > 0 else { return [] }
        return try connection.prepare("SELECT identifier FROM livrev_migrations ORDER BY identifier")
            .map { try $0.text("identifier") ?? "" }

    }

    /// True when some migration still has to be applied.
    package func needsMigration(_ connection: Connection) throws -> Bool {
        let applied = try appliedIdentifiers(connection)
        try refuseNewer(applied)
        return applied.count < migrations.count
    }

    /// Applies every migration not yet recorded in the file.
    ///
    /// - Throws: `Failure.newerSchema` before changing anything when the file is newer than this binary.
    package func migrate(_ connection: Connection) throws {
        try connection.execute(
            "CREATE TABLE IF NOT EXISTS livrev_migrations (identifier TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        let applied = Set(try appliedIdentifiers(connection))
        try refuseNewer(Array(applied))
        for migration in migrations where !applied.contains(migration.identifier) {
            try connection.inTransaction(.immediate) {
                // Another process may have applied it while we waited for the lock.
                let done =
                    try connection.scalarInt(
                        "SELECT count(*) FROM livrev_migrations WHERE identifier = ?", migration.identifier) ?? 0
                guard done == 0 else { return .commit }
                try connection.execute(migration.sql)
                try connection.execute(
                    "INSERT INTO livrev_migrations (identifier, applied_at) VALUES (?, datetime('now'))",
                    migration.identifier)
                return .commit
            }
        }
    }

    private func refuseNewer(_ applied: [String]) throws {
        let known = Set(migrations.map(\.identifier))
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw Failure.newerSchema(unknown: unknown)
        }
    }
}
