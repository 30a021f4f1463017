import CSQLite

/// One open SQLite database handle.
///
/// Opens with extended result codes, foreign keys on and a busy timeout, so a writer that
/// finds the file locked waits instead of failing at once. The handle closes in `deinit`.
///
/// For example:
///
///     let connection = try Connection(path: "review.livrev")
///     try connection.execute("PRAGMA journal_mode = WAL")
///
/// Source: https://www.sqlite.org/c3ref/open.html, https://www.sqlite.org/c3ref/busy_timeout.html
package final class Connection {
    let handle: OpaquePointer
    package let path: String
    /// The busy handler's state, alive as long as the handle.
    private(set) var lockWait: LockWait?

    /// How a file is opened.
    package enum Access: Sendable {
        /// Read and write (read only when the operating system refuses writing).
        case readWrite
        /// Read only, with SQLite's locking, so others may write the file meanwhile.
        case readOnly
        /// Read only, without locks or the WAL index: for a file on a read-only mount or in an
        /// archive, which nobody can be writing (`immutable=1`).
        case immutable
    }

    /// Opens (and with `create`, creates) the database at `path`; `":memory:"` for a private in-memory one.
    ///
    /// - Throws: `SQLiteError` when SQLite cannot open the file.
    package init(
        path: String = ":memory:", create: Bool = true, busyTimeoutMilliseconds: Int32 = 10_000,
        access: Access = .readWrite
    ) throws {
        var flags = SQLITE_OPEN_NOMUTEX
        var name = path
        switch access {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .immutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            // Source: https://www.sqlite.org/uri.html (only %, ? and # need escaping in the path).
            let escaped = path.replacing("%", with: "%25").replacing("?", with: "%3f").replacing("#", with: "%23")
            name = "file:" + escaped + "?immutable=1"
        }
        var pointer: OpaquePointer?
        let code = sqlite3_open_v2(name, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) }
            sqlite3_close_v2(pointer)
            throw SQLiteError(resultCode: code, message: message)
        }
        self.handle = pointer
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        let wait = LockWait(timeoutMilliseconds: busyTimeoutMilliseconds, path: path)
        lockWait = wait
        install(wait)
        try execute("PRAGMA foreign_keys = ON")
        // In WAL mode NORMAL never corrupts the file and keeps every commit across a crash of livrev
        // itself (kill -9); only an OS crash or power cut can lose the latest commits. It spares an
        // fsync per command, which is most of the time a small write takes.
        // Source: https://www.sqlite.org/pragma.html#pragma_synchronous
        try execute("PRAGMA synchronous = NORMAL")
        // A 32 MiB page cache keeps a large import's pages cached when its revision is sealed (read back).
        try execute("PRAGMA cache_size = -32768")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    package func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
    }

    /// Runs one statement with arguments and returns nothing.
    package func execute(_ sql: String, _ arguments: SQLBindable...) throws {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs one statement with arguments bound by parameter name (`:name`, ``Statement/bind(named:)``).
    package func execute(_ sql: String, named arguments: [String: SQLBindable]) throws {
        try prepare(sql).run(named: arguments)
    }

    /// Compiles a statement.

    package func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// The first column (a scalar query has one) of the first row, or nil when there is no row or it is NULL.
    package func scalarInt(_ sql: String, _ arguments: SQLBindable...) throws -> Int64? {
        try prepare(sql).first(arguments) { $0.isNull(at: 0) ? nil : $0.int64(at: 0) } ?? nil
    }

    /// The first column of the first row as text, or nil when there is no row or it is NULL.
    package func scalarText(_ sql: String, _ arguments: SQLBindable...) throws -> String? {
        try prepare(sql).first(arguments) { $0.text(at: 0) } ?? nil
    }

    /// The rowid of the last successful INSERT on this connection.
    package var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    package var changes: Int {
        Int(sqlite3_changes(handle))
    }

    /// True when the database was opened (or could only be opened) for reading.
    package var isReadOnly: Bool {
        sqlite3_db_readonly(handle, "main") == 1
    }

    /// True while a transaction is open.
    package var isInTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    func error(code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(
            resultCode: code,
            extendedResultCode: sqlite3_extended_errcode(handle),
            message: String(cString: sqlite3_errmsg(handle)),
            sql: sql
        )
    }
}

@available(*, unavailable)
extension Connection: Sendable {}

/// The version of the SQLite library livrev runs on, e.g. "3.40.1".
package var sqliteLibraryVersion: String {
    String(cString: sqlite3_libversion())
}
