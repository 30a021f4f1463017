import Testing

@testable import LivrevStore

@Suite("PRISMA counts")
struct PrismaCountsTests {
    /// Six records from PubMed and two from a register, one previous-version report, and a
    /// round of decisions whose counts were worked out by hand below.
    @Test func countsComeFromTheDecisions() throws {
        let test = try TestRegistry(records: ["A", "B", "C", "D", "E", "F"])
        let registry = test.registry
        let (register, previous) = try registry.write(reviewer: nil, command: "searches") { revision in
            (
                try registry.addSearch(source: "CT.gov", date: "2026-01-02", query: nil, kind: .register, revision: revision),
                try registry.addSearch(source: "v1", date: "2025-01-01", query: nil, kind: .previous, revision: revision)
            )
        }
        try test.addRecords(["G", "H"], search: register)  // 7, 8
        try test.addRecords(["Old trial"], search: previous)  // 9
        try registry.write(reviewer: nil, command: "marks") { revision in
            try registry.markDuplicates([DuplicateMark(record: 8, duplicateOf: 1, reason: "same DOI")], revision: revision)
            try registry.addStudy("Old 2019", records: [9], revision: revision)
            try registry.addStudy("New 2025", records: [3, 4], revision: revision)
        }
        // Title-abstract: 1 excluded by both; 2 conflict; 3, 4, 5, 6 include; 7 only one vote.
        for (record, a, b) in [
            (1, ScreeningDecision.exclude, ScreeningDecision.exclude), (2, .include, .exclude),
            (3, .include, .include), (4, .maybe, .include), (5, .include, .include), (6, .include, .include),
        ] {
            try test.decide(Int64(record), a, by: test.ana)
            try test.decide(Int64(record), b, by: test.ben)
        }
        try test.decide(7, .include, by: test.ana)
        // Full text: 3 and 4 included (one study), 5 excluded, 6 not retrieved.
        for record: Int64 in [3, 4] {
            try test.decide(record, .include, by: test.ana, at: .fullText)
            try test.decide(record, .include, by: test.ben, at: .fullText)
        }
        try test.decide(5, .exclude, by: test.ana, at: .fullText, reason: "wrong comparator")
        try test.decide(5, .exclude, by: test.ben, at: .fullText, reason: "wrong population")
        try registry.write(reviewer: nil, command: "retrieve") { revision in
            try registry.setRetrieval(record: 6, retrieved: false, reason: "paywall", revision: revision)
        }

        // The head's record-state cache says exactly what the facts say.
        #expect(try registry.recordSummaries() == registry.screeningFacts().summaries)

        let counts = try registry.prismaCounts()
        #expect(counts.databases.map(\.source) == ["PubMed"])
        #expect(counts.databases.map(\.records) == [6])
        #expect(counts.registers.map(\.records) == [2])
        #expect(counts.duplicatesRemoved == 1)
        #expect(counts.recordsScreened == 5)  // 1, 3, 4, 5, 6 (2 is in conflict, 7 awaits a vote)
        #expect(counts.recordsExcluded == 1)
        #expect(counts.reportsSought == 4)
        #expect(counts.reportsNotRetrieved == 1)
        #expect(counts.reportsAssessed == 3)
        #expect(counts.reportsExcluded.map(\.reason) == ["wrong comparator"])  // ana was added to the team first
        #expect(counts.reportsIncluded == 2)
        #expect(counts.studiesIncluded == 1)
        #expect(counts.previous?.studies == 1)
        #expect(counts.previous?.reports == 1)
        #expect(counts.totalStudies == 2)
        #expect(
            counts.pending
                == PrismaCounts.Pending(
                    awaitingTitleAbstract: 1, titleAbstractConflicts: 1, awaitingFullText: 0, fullTextConflicts: 0,
                    includedWithoutStudy: 0))
    }
}

@Suite("PRISMA for an update")
struct PrismaUpdateTests {
    /// Version 1 includes A (a study with one report); the update finds B (a new study) and a
    /// second report of A's study.
    @Test func thePreviousSnapshotFillsThePreviousVersionBoxes() throws {
        let test = try TestRegistry(records: ["A", "Z"])
        let registry = test.registry
        for record: Int64 in [1, 2] {
            try test.decide(record, record == 1 ? .include : .exclude, by: test.ana)
            try test.decide(record, record == 1 ? .include : .exclude, by: test.ben)
        }
        try test.decide(1, .include, by: test.ana, at: .fullText)
        try test.decide(1, .include, by: test.ben, at: .fullText)
        try registry.write(reviewer: nil, command: "study") { try registry.addStudy("Trial A", records: [1], revision: $0) }
        let v1 = try registry.write(reviewer: nil, command: "snapshot") {
            try registry.createSnapshot("v1", note: nil, revision: $0)
        }

        try test.addRecords(["B", "A again"], search: test.search)  // 3, 4
        for record: Int64 in [3, 4] {
            for stage in ScreeningStage.allCases {
                try test.decide(record, .include, by: test.ana, at: stage)
                try test.decide(record, .include, by: test.ben, at: stage)
            }
        }
        try registry.write(reviewer: nil, command: "studies") { revision in
            try registry.addStudy("Trial B", records: [3], revision: revision)
            try registry.link(record: 4, toStudy: "Trial A", revision: revision)
        }
        let counts = try registry.prismaCounts(previous: v1.atRevision)
        #expect(counts.previous?.studies == 1)
        #expect(counts.previous?.reports == 1)
        #expect(counts.databases.map(\.records) == [2])  // only the update's records
        #expect(counts.recordsScreened == 2)
        #expect(counts.reportsIncluded == 2)
        #expect(counts.studiesIncluded == 1)  // B; the second report of A is not a new study
        #expect(counts.totalStudies == 2)
        #expect(counts.totalReports == 3)
    }
}
