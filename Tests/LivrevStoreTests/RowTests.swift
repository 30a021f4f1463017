import CSQLite
import Testing

@testable import LivrevStore

@Suite("Rows read by column name, inserts bound by parameter name")
struct RowTests {
    private func connection() throws -> Connection {
        let connection = try Connection()
        try connection.execute(
            """
            CREATE TABLE vote (id INTEGER PRIMARY KEY, stage TEXT, decision TEXT, reason TEXT, year INTEGER, weight REAL);
            INSERT INTO vote VALUES (1, 'full-text', 'exclude', 'wrong population', NULL, 0.5);
            INSERT INTO vote VALUES (2, 'title-abstract', 'maybe', NULL, 2019, NULL);
            """)
        return connection
    }

    @Test func readsEachColumnByItsNameWhateverItsPosition() throws {
        let rows = try connection().prepare("SELECT weight, year, reason, decision, stage, id FROM vote ORDER BY id").map {
            try (
                $0.int64("id"), $0.value("stage", as: ScreeningStage.self), $0.value("decision", as: ScreeningDecision.self),
                $0.text("reason"), $0.optionalInt("year"), $0.optionalDouble("weight")
            )
        }
        #expect(rows.count == 2)
        #expect(rows[0] == (1, .fullText, .exclude, "wrong population", nil, 0.5))
        #expect(rows[1] == (2, .titleAbstract, .maybe, nil, 2019, nil))
    }

    @Test func aMisspeltColumnFailsNamingTheColumnAndTheStatement() throws {
        let sql = "SELECT id, reason FROM vote"
        let error = try #require(throws: SQLiteError.self) {
            try connection().prepare(sql).map { try $0.text("reasons") }
        }
        #expect(error.message == "no column named reasons in the result (id, reason)")
        #expect(error.sql == sql)
        #expect(error.description.contains("reasons") && error.description.contains(sql))
    }

    @Test func aNameTwoColumnsShareIsRefused() throws {
        let error = try #require(throws: SQLiteError.self) {
            try connection().prepare("SELECT a.id, b.id FROM vote a JOIN vote b ON b.id = a.id").map { try $0.int64("id") }
        }
        #expect(error.message == "two columns named id in the result (id, id)")
    }

    @Test func aWordNoCaseOfTheEnumIsRefusedWithTheValue() throws {
        let connection = try connection()
        try connection.execute("UPDATE vote SET decision = 'Include' WHERE id = 1")
        let error = try #require(throws: SQLiteError.self) {
            try connection.prepare("SELECT decision FROM vote WHERE id = 1").map {
                try $0.value("decision", as: ScreeningDecision.self)
            }
        }
        #expect(error.message == "column decision holds 'Include', not a ScreeningDecision")
        let missing = try connection.prepare("SELECT decision FROM vote WHERE id = 2").first {
            try $0.optionalValue("decision", as: ScreeningDecision.self)
        }
        #expect(missing == .maybe)
    }

    @Test func namedParametersBindWhateverTheirOrderAndAllMustBeGiven() throws {
        let connection = try connection()
        let insert = try connection.prepare(
            "INSERT INTO vote (reason, id, decision, stage) VALUES (:reason, :id, :decision, :stage)")
        try insert.run(named: ["id": 3, "stage": "full-text", "decision": "include", "reason": String?.none])
        let row = try connection.prepare("SELECT stage, decision, reason FROM vote WHERE id = 3").first {
            try ($0.value("stage", as: ScreeningStage.self), $0.value("decision", as: ScreeningDecision.self), $0.text("reason"))
        }
        #expect(row?.0 == .fullText && row?.1 == .include && row?.2 == nil)

        let unbound = try #require(throws: SQLiteError.self) {
            try insert.run(named: ["id": 4, "stage": "full-text", "decision": "include"])
        }
        #expect(unbound.message == "no value for :reason")
        let unknown = try #require(throws: SQLiteError.self) {
            try insert.run(named: ["id": 4, "stage": "full-text", "decision": "include", "reasons": "x"])
        }
        #expect(unknown.message == "no parameter :reasons in the statement")
        #expect(try connection.scalarInt("SELECT count(*) FROM vote") == 3)
    }
}
