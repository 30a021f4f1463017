import Testing

@testable import LivrevStore

@Suite("Migrator")
struct MigratorTests {
    private let first = Migration(identifier: "001_a", sql: "CREATE TABLE a (x INTEGER)")
    private let second = Migration(identifier: "002_b", sql: "CREATE TABLE b (y INTEGER)")

    @Test func appliesEachMigrationOnceInOrder() throws {
        let connection = try Connection()
        try Migrator([first, second]).migrate(connection)
        try Migrator([first, second]).migrate(connection)  // a rerun is a no-op, not a "table exists" error
        #expect(try Migrator([first]).appliedIdentifiers(connection) == ["001_a", "002_b"])
        #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE name IN ('a', 'b')") == 2)
    }

    @Test func appliesOnlyWhatIsNew() throws {
        let connection = try Connection()
        try Migrator([first]).migrate(connection)
        #expect(try Migrator([first, second]).needsMigration(connection))
        try Migrator([first, second]).migrate(connection)
        #expect(try !Migrator([first, second]).needsMigration(connection))
    }

    @Test func refusesAFileFromANewerLivrev() throws {
        let connection = try Connection()
        try Migrator([first, second]).migrate(connection)
        #expect(throws: Migrator.Failure.newerSchema(unknown: ["002_b"])) {
            try Migrator([first]).migrate(connection)
        }
    }

    @Test func aFailingMigrationLeavesNoTrace() throws {
        let connection = try Connection()
        let broken = Migration(identifier: "002_broken", sql: "CREATE TABLE c (z INTEGER); CREATE TABLE a (x INTEGER)")
        #expect(throws: SQLiteError.self) { try Migrator([first, broken]).migrate(connection) }
        #expect(try Migrator([first]).appliedIdentifiers(connection) == ["001_a"])
        #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'c'") == 0)
    }
}
