import CSQLite

/// How a transaction takes its locks.
///
/// Source: https://www.sqlite.org/lang_transaction.html
package enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

/// What the body of a transaction asks for at its end.
package enum TransactionCompletion: Sendable {
    case commit
    case rollback
}

extension Connection {
    /// Runs `body` inside one transaction: commits when it returns `.commit`, rolls back when it
    /// returns `.rollback` or throws. The first error is the one rethrown.
    ///
    /// For example:
    ///
    ///     try connection.inTransaction(.immediate) {
    ///         try connection.execute("INSERT INTO t VALUES (1)")
    ///         return .commit
    ///     }
    ///
    /// IMMEDIATE takes the write lock at BEGIN, so a busy database is noticed (after the busy
    /// timeout) before any work is done, never half-way through it.
    ///
    /// Inside a transaction already open on this connection, `body` runs in a savepoint instead
    /// (`kind` is the outer transaction's): its `.rollback` or throw undoes its own work only, and
    /// its `.commit` lasts when the outer transaction commits. A server commits a group of writes
    /// that way, each one still all or nothing.
    package func inTransaction(_ kind: TransactionKind = .deferred, _ body: () throws -> TransactionCompletion) throws {
        guard !isInTransaction else {
            try execute("SAVEPOINT nested")
            try finishTransaction(body, commit: "RELEASE nested", rollback: "ROLLBACK TO nested; RELEASE nested")
            return
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        try finishTransaction(body)
    }

    /// Runs `body` as `inTransaction(.immediate, body)` does when the write lock is free at once;
    /// returns false, having done nothing, when another connection holds it, when this one is
    /// already in a transaction or cannot write. For writes that may be skipped (a cache's), so
    /// that a reader never waits behind a writer for them.
    package func inTransactionIfFree(_ body: () throws -> TransactionCompletion) throws -> Bool {
        guard !isReadOnly, sqlite3_get_autocommit(handle) != 0 else { return false }
        sqlite3_busy_handler(handle, nil, nil)
        do {
            defer { if let lockWait { install(lockWait) } }  // waiting as usual again, whatever BEGIN did
            try execute("BEGIN IMMEDIATE TRANSACTION")
        } catch let error as SQLiteError where error.resultCode == SQLITE_BUSY {
            return false
        }
        try finishTransaction(body)
        return true
    }

    private func finishTransaction(
        _ body: () throws -> TransactionCompletion, commit: String = "COMMIT TRANSACTION",
        rollback: String = "ROLLBACK TRANSACTION"
    ) throws {
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            try? execute(rollback)
            throw error
        }
        switch completion {
        case .commit:
            do {
                try execute(commit)
            } catch {
                try? execute(rollback)
                throw error
            }
        case .rollback:
            try execute(rollback)
        }
    }
}
