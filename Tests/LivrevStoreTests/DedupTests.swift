import Testing

@testable import LivrevStore

@Suite("Dedup")
struct DedupTests {
    private func insert(_ test: TestRegistry, _ records: [ImportedRecord], kind: SearchKind = .database) throws {
        let registry = test.registry
        try registry.write(reviewer: nil, command: "import") { revision in
            let search = try registry.addSearch(source: "S", date: "2026-01-01", query: nil, kind: kind, revision: revision)
            var inserter = try registry.recordInserter(searchID: search, file: "f", revision: revision)
            for record in records { try inserter.insert(record) }
        }
    }

    private func record(
        _ title: String, doi: String? = nil, pmid: String? = nil, nct: [String] = [],
        author: String = "Smith J", year: Int? = 2020
    ) -> ImportedRecord {
        ImportedRecord(
            title: title, abstract: nil, authors: [author], year: year, journal: nil, doi: doi, pmid: pmid,
            registryNumbers: nct, line: 1)
    }

    @Test func marksLaterRecordsOfAGroupAgainstTheEarliest() throws {
        let test = try TestRegistry()
        try insert(
            test,
            [
                record("Stem cells in stroke", doi: "10.1/ABC"),
                record("Other title", doi: "https://doi.org/10.1/abc"),
                record("Stem Cells in Stroke!", author: "Smith, John"),
                record("Unrelated", pmid: "123"),
                record("Also unrelated", pmid: "123"),
            ])
        let marks = try test.registry.findDuplicates()
        #expect(marks.map(\.record) == [2, 3, 5])
        #expect(marks.map(\.duplicateOf) == [1, 1, 4])
    }

    @Test func registerNumbersOnlyLinkRegisterRecords() throws {
        let test = try TestRegistry()
        try insert(test, [record("Trial report", nct: ["NCT01234567"]), record("Follow-up report", nct: ["NCT01234567"])])
        #expect(try test.registry.findDuplicates().isEmpty)
        try insert(
            test, [record("Entry", nct: ["NCT07654321"]), record("Same entry elsewhere", nct: ["NCT07654321"])],
            kind: .register)
        #expect(try test.registry.findDuplicates().map(\.record) == [4])
    }

    @Test func anUndoneMarkIsNeverMadeAgain() throws {
        let test = try TestRegistry()
        try insert(test, [record("A", doi: "10.1/x"), record("B", doi: "10.1/x")])
        let registry = test.registry
        try registry.write(reviewer: nil, command: "dedup") { revision in
            try registry.markDuplicates(try registry.findDuplicates(), revision: revision)
        }
        #expect(try registry.findDuplicates().isEmpty)
        try registry.write(reviewer: nil, command: "undo") { try registry.undoDuplicateMark(record: 2, revision: $0) }
        #expect(try registry.findDuplicates().isEmpty)
        #expect(try registry.records().map(\.duplicateOf) == [nil, nil])
    }
}
