import CSQLite
import Testing

@testable import LivrevStore

@Suite("SQLiteError")
struct SQLiteErrorTests {
    @Test func descriptionNamesCodeMessageAndStatement() {
        let error = SQLiteError(
            resultCode: 19, extendedResultCode: 2067, message: "UNIQUE constraint failed: reviewer.name",
            sql: "INSERT INTO reviewer(name) VALUES (?)")
        #expect(
            error.description
                == "SQLite error 2067: UNIQUE constraint failed: reviewer.name - while executing `INSERT INTO reviewer(name) VALUES (?)`"
        )
        #expect(error.resultCode == 19)
        #expect(!error.isBusy)
    }

    @Test func busyAndLockedAreBusy() {
        #expect(SQLiteError(resultCode: SQLITE_BUSY).isBusy)
        #expect(SQLiteError(resultCode: SQLITE_LOCKED).isBusy)
    }
}
