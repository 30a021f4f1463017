import Foundation

/// A livrev registry file: one SQLite database that holds a whole review and its history.
///
/// Every write goes through `write(reviewer:command:_:)`, which opens one IMMEDIATE
/// transaction, inserts the revision row and hands its id to the body; a throw rolls
/// everything back. Every read takes a revision bound (`at`), `Revision.head` for now.
///
/// For example:
///
///     let registry = try Registry.create(path: "review.livrev", title: "MSC safety", command: "livrev init")
///     try registry.write(reviewer: "ana", command: "livrev reviewer add ana") { revision in
///         try registry.addReviewer("ana", role: .reviewer, revision: revision)
///     }
///
/// Source: https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html
package final class Registry {
    package let connection: Connection
    package let path: String
    /// The clock revisions are stamped with and how long a write waits for another writer.
    package let settings: RegistrySettings
    /// Digests of rows the current write hashed while inserting them, by table (see `seal`).
    var digestsAhead: [String: RowsDigest] = [:]

    private init(connection: Connection, path: String, settings: RegistrySettings) {
        self.connection = connection
        self.path = path
        self.settings = settings
    }

    /// Creates a new registry file and records its title (and, when given, its extraction mode) as the
    /// first revision. Without a mode the registry extracts in `single` mode, as files made before
    /// dual extraction do.
    ///
    /// - Throws: `StoreError.registryExists` when the file exists, `.cannotCreate` when it cannot be made.
    package static func create(
        path: String, title: String, extraction: ExtractionMode? = nil, reviewer: String? = nil, command: String,
        settings: RegistrySettings = .standard
    ) throws -> Registry {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.registryExists(path: path) }
        let connection: Connection
        do {
            connection = try Connection(
                path: path, create: true, busyTimeoutMilliseconds: settings.busyTimeoutMilliseconds)
            // Records are ~1.5 KB: 16 KiB pages hold several and quarter the page writes of a big import.
            try connection.execute("PRAGMA page_size = 16384")
            try connection.execute("PRAGMA journal_mode = WAL")
            try Migrator(Migration.embedded).migrate(connection)
        } catch let error as SQLiteError {
            throw StoreError.cannotCreate(path: path, reason: error.message)
        }
        let registry = Registry(connection: connection, path: path, settings: settings)
        try registry.write(reviewer: reviewer, command: command) { revision in
            try connection.execute("INSERT INTO review (revision, title) VALUES (?, ?)", revision, title)
            if let extraction { try registry.setExtractionMode(extraction, revision: revision) }
        }
        return registry
    }

    /// Opens an existing registry, applying any migration this livrev has that the file lacks.
    ///
    /// A file the user may not write (a colleague's, a read-only mount, a published archive) opens
    /// for reading: read-only with locks, or, when even the WAL index cannot be made, immutable.
    /// Such a file is not migrated; writes to it are refused with `StoreError.readOnly`.
    ///
    /// - Throws: `StoreError.registryMissing`, `.notARegistry`, `.damaged`, `.newerRegistry`, `.busy`.
    package static func open(path: String, settings: RegistrySettings = .standard) throws -> Registry {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.registryMissing(path: path) }
        do {
            var failure: SQLiteError?
            for access in [Connection.Access.readWrite, .readOnly, .immutable] {
                do {
                    let connection = try Connection(
                        path: path, create: false, busyTimeoutMilliseconds: settings.busyTimeoutMilliseconds,
                        access: access)
                    return try open(connection, path: path, settings: settings)
                } catch let error as SQLiteError where Registry.mayRetryReadOnly(error) {
                    failure = failure ?? error
                }
            }
            throw failure ?? SQLiteError(resultCode: 14)
        } catch let failure as Migrator.Failure {
            guard case .newerSchema(let unknown) = failure else { throw failure }
            throw StoreError.newerRegistry(path: path, migrations: unknown)
        } catch let error as SQLiteError {
            throw StoreError.translating(error, path: path)
        }
    }

    private static func open(_ connection: Connection, path: String, settings: RegistrySettings) throws -> Registry {
        let migrator = Migrator(Migration.embedded)
        let applied = try migrator.appliedIdentifiers(connection)
        guard !applied.isEmpty else { throw StoreError.notARegistry(path: path) }
        if try migrator.needsMigration(connection), !connection.isReadOnly {
            try migrator.migrate(connection)
        }
        return Registry(connection: connection, path: path, settings: settings)
    }

    /// Errors that opening for reading only may get past: no write access to the file, its
    /// WAL index or its folder.
    private static func mayRetryReadOnly(_ error: SQLiteError) -> Bool {
        [8, 10, 14].contains(error.resultCode)  // SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN
    }

    /// True when this registry was opened for reading only.
    package var isReadOnly: Bool { connection.isReadOnly }

    /// Tells `notice` when a command has waited a second for another writer.
    package static func onLongWait(_ notice: @escaping @Sendable (String) -> Void) {
        LockWait.notice.withLock { $0 = notice }
    }

    /// Runs `body` as one revision: one IMMEDIATE transaction that first inserts the revision row
    /// and last seals it (see `verifySeals`); inside `writeTogether`, a savepoint of its transaction.
    ///
    /// - Parameters:
    ///   - reviewer: the acting reviewer's name, when there is one.
    ///   - command: the command line, recorded for the audit trail.
    /// - Returns: what `body` returns.
    /// - Throws: `StoreError.busy` when the write lock cannot be had within the busy timeout;
    ///   whatever `body` throws, after rolling back.
    @discardableResult
    package func write<T>(reviewer: String?, command: String, _ body: (Int64) throws -> T) throws -> T {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        var result: T?
        digestsAhead = [:]
        defer { digestsAhead = [:] }
        do {
            try connection.inTransaction(.immediate) {
                let marks = try highWaterMarks()
                try connection.execute(
                    "INSERT INTO revision (created_at, reviewer, command) VALUES (?, ?, ?)",
                    settings.now(), reviewer, command)
                let revision = connection.lastInsertRowID
                result = try body(revision)
                try refreshRecordStates(since: marks, revision: revision)
                try seal(revision: revision, since: marks)
                return .commit
            }
        } catch let error as SQLiteError {
            throw StoreError.translating(error, path: path)
        }
        guard let result else { preconditionFailure("transaction committed without a result") }
        return result
    }

    /// Runs `body` as one transaction in which each `write` stays a revision of its own: a
    /// server commits the writes that queued up meanwhile together, one commit instead of one
    /// each, and acknowledges them after it. A write that throws undoes itself only; when the
    /// commit fails, none of them lasts.
    ///
    /// - Throws: `StoreError.busy` when the write lock cannot be had within the busy timeout,
    ///   `.readOnly`; whatever `body` throws, after rolling everything back.
    package func writeTogether(_ body: () throws -> Void) throws {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        do {
            try connection.inTransaction(.immediate) {
                try body()
                return .commit
            }
        } catch let error as SQLiteError {
            throw StoreError.translating(error, path: path)
        }
    }

    /// Leaves checkpoints — copying the WAL back into the file, with their fsyncs, tens of
    /// milliseconds on a busy disk — to `checkpoint()`, so that this connection's commits never
    /// wait for one. For a long-running writer (`serve`) that checkpoints in the background.
    ///
    /// Source: https://www.sqlite.org/pragma.html#pragma_wal_autocheckpoint
    package func deferCheckpoints() throws {
        try connection.execute("PRAGMA wal_autocheckpoint = 0")
    }

    /// Copies as much of the WAL into the file as it can without waiting for readers or writers
    /// (a PASSIVE checkpoint).
    ///
    /// Source: https://www.sqlite.org/pragma.html#pragma_wal_checkpoint
    package func checkpoint() throws {
        try connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// The latest revision id (0 for a file with none).
    package func headRevision() throws -> Int64 {
        try connection.scalarInt("SELECT max(id) FROM revision") ?? 0
    }

    /// The review's title as of `revision`.
    package func title(at revision: Int64 = .max) throws -> String {
        try connection.scalarText(
            "SELECT title FROM review WHERE revision <= ? ORDER BY id DESC LIMIT 1", revision) ?? ""
    }
}

@available(*, unavailable)
extension Registry: Sendable {}
