import CSQLite

/// A non-OK result from SQLite, with everything needed to understand it.
///
/// Its description has one fixed shape, as GRDB's `DatabaseError`:
/// ``SQLite error 19: UNIQUE constraint failed: reviewer.name - while executing `INSERT …` ``.
/// Bound values never appear in it.
///
/// Source: https://www.sqlite.org/rescode.html
package struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …).
    package let resultCode: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …).
    package let extendedResultCode: Int32
    /// SQLite's own message.
    package let message: String
    /// The statement that failed, when there was one.
    package let sql: String?

    package init(resultCode: Int32, extendedResultCode: Int32? = nil, message: String? = nil, sql: String? = nil) {
        self.resultCode = resultCode & 0xFF
        self.extendedResultCode = extendedResultCode ?? resultCode
        self.message = message ?? String(cString: sqlite3_errstr(resultCode))
        self.sql = sql
    }

    /// True for `SQLITE_BUSY` and `SQLITE_LOCKED`: another connection holds the lock.
    package var isBusy: Bool {
        resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED
    }

    package var description: String {
        var text = "SQLite error \(extendedResultCode): \(message)"
        if let sql {
            text += " - while executing `\(sql)`"
        }
        return text
    }
}
