import Testing

@testable import LivrevStore

@Suite("Screening")
struct ScreeningTests {
    @Test func aLaterDecisionSupersedesAndHistoryStays() throws {
        let test = try TestRegistry(records: ["A"])
        try test.decide(1, .exclude, by: test.ana)
        try test.decide(1, .include, by: test.ana)
        let facts = try test.registry.recordFacts(1).0
        #expect(facts.titleAbstract.votes == [Vote(reviewerID: test.ana.id, decision: .include, reason: nil)])
        #expect(try test.registry.connection.scalarInt("SELECT count(*) FROM decision") == 2)
    }

    @Test func disagreementIsAConflictUntilAnArbiterResolvesIt() throws {
        let test = try TestRegistry(records: ["A", "B"])
        try test.decide(1, .include, by: test.ana)
        try test.decide(1, .exclude, by: test.ben)
        try test.decide(2, .maybe, by: test.ana)
        try test.decide(2, .include, by: test.ben)  // maybe and include both move on: no conflict
        #expect(try test.registry.conflicts(stage: .titleAbstract).map(\.record) == [1])
        #expect(throws: StoreError.notAnArbiter(reviewer: "ben")) { try test.resolve(1, .include, by: test.ben) }
        try test.resolve(1, .include, by: test.cy)
        #expect(try test.registry.conflicts(stage: .titleAbstract).isEmpty)
        #expect(try test.registry.records().map(\.status) == [.awaitingFullText, .awaitingFullText])
    }

    @Test func consensusOnlyByTheTwoReviewersAndBothAreRecorded() throws {
        let test = try TestRegistry(records: ["A"])
        try test.decide(1, .include, by: test.ana)
        try test.decide(1, .exclude, by: test.ben)
        #expect(throws: StoreError.notAParty(reviewer: "cy", record: 1)) {
            try test.resolve(1, .exclude, by: test.cy, with: test.ana)
        }
        #expect(throws: StoreError.notAParty(reviewer: "cy", record: 1)) {
            try test.resolve(1, .exclude, by: test.ben, with: test.cy)
        }
        #expect(throws: StoreError.notAParty(reviewer: "ben", record: 1)) {
            try test.resolve(1, .exclude, by: test.ben, with: test.ben)
        }
        try test.resolve(1, .exclude, by: test.ben, with: test.ana)
        #expect(try test.registry.records().first?.status == .excludedTitleAbstract)
        let partner = try test.registry.connection.scalarInt(
            "SELECT p.reviewer_id FROM consensus_partner p JOIN resolution r ON r.id = p.resolved_id AND p.resolved_table = 'resolution'"
        )
        #expect(partner == test.ana.id)
    }

    @Test func fullTextWaitsForTheTitleAbstractOutcome() throws {
        let test = try TestRegistry(records: ["A"])
        try test.decide(1, .include, by: test.ana)
        #expect(
            throws: StoreError.stageNotReached(
                record: 1, reason: "title-abstract screening is not complete (1 of 2 decisions)")
        ) {
            try test.decide(1, .include, by: test.ana, at: .fullText)
        }
        try test.decide(1, .exclude, by: test.ben)
        #expect(throws: StoreError.stageNotReached(record: 1, reason: "its title-abstract conflict is not resolved")) {
            try test.decide(1, .include, by: test.ana, at: .fullText)
        }
        #expect(try test.registry.connection.scalarInt("SELECT count(*) FROM decision WHERE stage = 'full-text'") == 0)
    }

    @Test func fullTextExclusionNeedsAReason() throws {
        let test = try TestRegistry(records: ["A"])
        try test.decide(1, .include, by: test.ana)
        try test.decide(1, .include, by: test.ben)
        #expect(throws: StoreError.invalidDecision(record: 1, reason: "a full-text exclusion needs a reason")) {
            try test.decide(1, .exclude, by: test.ana, at: .fullText)
        }
        try test.decide(1, .exclude, by: test.ana, at: .fullText, reason: "wrong population")
    }

    @Test func nextNeverOffersWhatTheReviewerDecidedOrWhatTwoOthersCovered() throws {
        let test = try TestRegistry(records: ["A", "B", "C"])
        try test.decide(1, .include, by: test.ana)
        try test.decide(2, .include, by: test.ben)
        try test.decide(2, .include, by: test.cy)
        #expect(try test.registry.nextRecord(stage: .titleAbstract, reviewer: test.ana) == 3)
        #expect(try test.registry.nextRecord(stage: .titleAbstract, reviewer: test.ben) == 1)
        // Full text: only record 2 has moved on, and ana has not decided it there.
        #expect(try test.registry.nextRecord(stage: .fullText, reviewer: test.ana) == 2)
        #expect(try test.registry.nextRecord(stage: .fullText, reviewer: test.ben) == 2)
    }

    @Test func historyCannotBeRewritten() throws {
        let test = try TestRegistry(records: ["A"])
        try test.decide(1, .include, by: test.ana)
        for sql in [
            "UPDATE decision SET decision = 'exclude'", "DELETE FROM decision", "UPDATE record SET title = 'x'",
            "DELETE FROM revision",
        ] {
            #expect(throws: SQLiteError.self, "\(sql) must be refused") { try test.registry.connection.execute(sql) }
        }
    }

    @Test func readsAtAnEarlierRevisionSeeTheStateThen() throws {
        let test = try TestRegistry(records: ["A"])
        try test.decide(1, .include, by: test.ana)
        let before = try test.registry.headRevision()
        try test.decide(1, .include, by: test.ben)
        #expect(try test.registry.records(at: before).first?.status == .awaitingTitleAbstract)
        #expect(try test.registry.records().first?.status == .awaitingFullText)
    }
}
