import Testing

@testable import LivrevStore

@Suite("Snapshots and seals")
struct SnapshotTests {
    @Test func aSnapshotFreezesWhatReadsSee() throws {
        let test = try TestRegistry(records: ["A", "B"])
        let registry = test.registry
        try test.decide(1, .include, by: test.ana)
        let v1 = try registry.write(reviewer: nil, command: "snapshot") {
            try registry.createSnapshot("v1", note: nil, revision: $0)
        }
        try test.decide(1, .include, by: test.ben)
        try test.addRecords(["C"], search: test.search)
        #expect(try registry.records(at: v1.atRevision).map(\.status) == [.awaitingTitleAbstract, .awaitingTitleAbstract])
        #expect(try registry.records().count == 3)
        #expect(throws: StoreError.snapshotExists("v1")) {
            try registry.write(reviewer: nil, command: "again") { try registry.createSnapshot("v1", note: nil, revision: $0) }
        }
    }

    @Test func diffCountsAddedAndCorrectedFacts() throws {
        let test = try TestRegistry(records: ["A", "B"])
        let registry = test.registry
        try test.decide(1, .include, by: test.ana)
        let before = try registry.headRevision()
        try test.decide(1, .exclude, by: test.ana)  // a correction
        try test.decide(2, .include, by: test.ana)  // new
        try test.addRecords(["C"], search: test.search)
        let changes = Dictionary(
            uniqueKeysWithValues: try registry.factChanges(from: before, to: registry.headRevision())
                .map { ($0.kind, $0) })
        #expect(changes["decisions"] == FactChange(kind: "decisions", added: 1, corrected: 1, retracted: 0))
        #expect(changes["records"]?.added == 1)
    }

    @Test func verifyNamesTheFirstRevisionEditedBehindLivrevsBack() throws {
        let test = try TestRegistry(records: ["A"])
        try test.decide(1, .include, by: test.ana)
        let edited = try test.registry.headRevision()
        try test.decide(1, .include, by: test.ben)
        #expect(try test.registry.verifySeals() == .intact(revisions: Int(edited) + 1))
        try test.registry.connection.execute("DROP TRIGGER decision_is_history_u")
        try test.registry.connection.execute("UPDATE decision SET decision = 'exclude' WHERE revision = \(edited)")
        guard case .broken(let revision, _) = try test.registry.verifySeals() else {
            Issue.record("verify missed the edit")
            return
        }
        #expect(revision == edited)
    }

    /// An import's rows are hashed beside their inserts; the seal must be what reading them back gives,
    /// for text SQLite cuts at a NUL, for late columns set and unset, and when the same write inserts
    /// more records after the batch (then the seal reads them back).
    @Test func rowsHashedWhileInsertedSealAsReadBack() throws {
        let test = try TestRegistry(records: ["A"])
        let registry = test.registry
        var batch = RecordBatch(searchID: test.search, file: "f.ris", format: .ris)
        batch.append(ImportedRecord(title: "cut\u{0}here", authors: ["Ä", "B"], year: 2001, pages: "1-2", line: 1))
        batch.append(ImportedRecord(title: "", keywords: ["k"], line: 9))
        try registry.write(reviewer: nil, command: "import") { revision in
            try registry.insert(batch, revision: revision)
            #expect(registry.digestsAhead["record"]?.count == 2, "the rows were hashed beside their inserts")
        }
        #expect(try registry.connection.scalarText("SELECT title FROM record WHERE id = 2") == "cut")
        #expect(try registry.verifySeals() == .intact(revisions: Int(try registry.headRevision())))
        try registry.write(reviewer: nil, command: "import twice") { revision in
            try registry.insert(batch, revision: revision)
            try registry.insert(batch, revision: revision)
        }
        #expect(try registry.connection.scalarInt("SELECT count(*) FROM record") == 7)
        #expect(try registry.verifySeals() == .intact(revisions: Int(try registry.headRevision())))
    }
}
