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
    package func inTransaction(_ kind: TransactionKind = .deferred, _ body: () throws -> TransactionCompletion) throws {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            try? execute("ROLLBACK TRANSACTION")
            throw error
        }
        switch completion {
        case .commit:
            do {
                try execute("COMMIT TRANSACTION")
            } catch {
                try? execute("ROLLBACK TRANSACTION")
                throw error
            }
        case .rollback:
            try execute("ROLLBACK TRANSACTION")
        }
    }
}
