import Testing

@testable import LivrevStore

@Suite("Transactions")
struct TransactionTests {
    private struct Boom: Error {}

    @Test func aThrowRollsBackEverything() throws {
        let connection = try Connection()
        try connection.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: Boom.self) {
            try connection.inTransaction(.immediate) {
                try connection.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 0)
        #expect(!connection.isInTransaction)
    }

    @Test func commitKeepsTheWork() throws {
        let connection = try Connection()
        try connection.execute("CREATE TABLE t (x INTEGER)")
        try connection.inTransaction(.immediate) {
            try connection.execute("INSERT INTO t VALUES (?)", 7)
            return .commit
        }
        #expect(try connection.scalarInt("SELECT x FROM t") == 7)
    }

    @Test func aNestedTransactionIsAllOrNothingInsideTheOuterOne() throws {
        let connection = try Connection()
        try connection.execute("CREATE TABLE t (x INTEGER)")
        try connection.inTransaction(.immediate) {
            try connection.inTransaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                return .commit
            }
            #expect(throws: Boom.self) {
                try connection.inTransaction {
                    try connection.execute("INSERT INTO t VALUES (2)")
                    throw Boom()
                }
            }
            try connection.inTransaction {
                try connection.execute("INSERT INTO t VALUES (3)")
                return .commit
            }
            return .commit
        }
        #expect(try connection.prepare("SELECT x FROM t ORDER BY x").map { try $0.int("x") } == [1, 3])
        // Rolling back the outer transaction undoes what the nested ones committed.
        #expect(throws: Boom.self) {
            try connection.inTransaction(.immediate) {
                try connection.inTransaction {
                    try connection.execute("INSERT INTO t VALUES (4)")
                    return .commit
                }
                throw Boom()
            }
        }
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 2)
        #expect(!connection.isInTransaction)
    }

    @Test func constraintErrorsCarryTheStatement() throws {
        let connection = try Connection()
        try connection.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        try connection.execute("INSERT INTO t VALUES (1)")
        do {
            try connection.execute("INSERT INTO t VALUES (?)", 1)
            Issue.record("expected a constraint error")
        } catch let error as SQLiteError {
            #expect(error.resultCode == 19)
            #expect(
                error.description
                    == "SQLite error 2067: UNIQUE constraint failed: t.x - while executing `INSERT INTO t VALUES (?)`")
        }
    }
}
