import Testing

@testable import LivrevStore

/// Dual extraction's rule: what counts is derived from each extractor's entries and the arbiter's
/// resolutions, never typed in.
@Suite("Dual extraction")
struct ExtractionTests {
    private static func fever(_ label: String?, _ et: Int, _ nt: Int, _ ec: Int = 7, _ nc: Int = 19) -> NewOutcomeRow {
        NewOutcomeRow(
            study: "Hare 2009", outcome: "Fever", label: label,
            data: .dichotomous(eventsTreatment: et, nTreatment: nt, eventsControl: ec, nControl: nc))
    }

    private func enter(_ rows: [NewOutcomeRow], by reviewer: Reviewer, replace: Bool = false, in test: TestRegistry) throws {
        let registry = test.registry
        try registry.write(reviewer: reviewer.name, command: "enter") { revision in
            _ = try registry.addOutcomeEntries(
                rows, extractor: reviewer, replace: replace, defaultMeasure: { _ in "OR" }, revision: revision)
        }
    }

    private func status(_ test: TestRegistry) throws -> [String: ExtractionStatus] {
        Dictionary(
            uniqueKeysWithValues: try test.registry.outcomeExtraction().states.map { ($0.label ?? "-", $0.status) })
    }

    @Test func identicalEntriesCountAndOneExtractorsDoNot() throws {
        let test = try TestRegistry()
        try enter([Self.fever("a", 9, 34), Self.fever("b", 14, 34)], by: test.ana, in: test)
        #expect(try test.registry.outcomeRows().isEmpty)
        #expect(try status(test) == ["a": .enteredOnce, "b": .enteredOnce])
        #expect(try test.registry.outcomeExtraction().states.allSatisfy { $0.values.isEmpty && $0.enteredBy == ["ana"] })
        try enter([Self.fever("a", 9, 34), Self.fever("b", 14, 34)], by: test.ben, in: test)
        #expect(try test.registry.outcomeRows().map(\.label) == ["a", "b"])
        #expect(try status(test) == ["a": .consolidated, "b": .consolidated])
    }

    @Test func aCountADenominatorAndAMissedRowAreConflictsNamingWhatDiffers() throws {
        let test = try TestRegistry()
        try enter([Self.fever("a", 9, 34), Self.fever("b", 14, 34), Self.fever("c", 1, 34)], by: test.ana, in: test)
        try enter([Self.fever("a", 8, 34), Self.fever("b", 14, 33)], by: test.ben, in: test)
        let conflicts = try test.registry.outcomeExtraction().conflicts
        #expect(conflicts.map(\.label) == ["a", "b", "c"])
        #expect(conflicts.map(\.differing) == [["events_t"], ["n_t"], ["row"]])
        #expect(conflicts[2].values.map(\.extractor) == ["ana", "ben"])
        #expect(conflicts[2].values[1].value == nil)
        #expect(try test.registry.outcomeRows().isEmpty)
    }

    @Test func resolutionByAcceptOrByValueConsolidatesAndACorrectionReopens() throws {
        let test = try TestRegistry()
        let registry = test.registry
        try enter([Self.fever("a", 9, 34), Self.fever("b", 14, 34)], by: test.ana, in: test)
        try enter([Self.fever("a", 8, 34), Self.fever("b", 14, 33)], by: test.ben, in: test)
        try registry.write(reviewer: "cy", command: "resolve") { revision in
            try registry.resolveOutcomeRow(
                study: "Hare 2009", outcome: "Fever", label: "a", choice: .accept(test.ana), arbiter: test.cy,
                revision: revision)
            try registry.resolveOutcomeRow(
                study: "Hare 2009", outcome: "Fever", label: "b",
                choice: .value(.dichotomous(eventsTreatment: 14, nTreatment: 35, eventsControl: 7, nControl: 19)),
                arbiter: test.cy, revision: revision)
        }
        let rows = try registry.outcomeRows()
        #expect(rows.map(\.data) == [Self.fever("a", 9, 34).data, Self.fever("b", 14, 35).data])
        // ben corrects a to the resolved value: it stays; ana then changes a: pending again.
        try enter([Self.fever("a", 9, 34)], by: test.ben, in: test)
        #expect(try status(test)["a"] == .consolidated)
        try enter([Self.fever("a", 10, 34)], by: test.ana, in: test)
        #expect(try status(test)["a"] == .conflict)
        #expect(try registry.outcomeRows().map(\.label) == ["b"])
        // A row not in conflict cannot be resolved; a reviewer cannot resolve.
        #expect(throws: StoreError.noExtractionConflict("Hare 2009 / Fever / label b")) {
            try registry.write(reviewer: "cy", command: "resolve") { revision in
                try registry.resolveOutcomeRow(
                    study: "Hare 2009", outcome: "Fever", label: "b", choice: .accept(test.ana), arbiter: test.cy,
                    revision: revision)
            }
        }
        #expect(throws: StoreError.mayNotConsolidate(reviewer: "ben", action: "resolve an extraction discrepancy")) {
            try registry.write(reviewer: "ben", command: "resolve") { revision in
                try registry.resolveOutcomeRow(
                    study: "Hare 2009", outcome: "Fever", label: "a", choice: .accept(test.ben), arbiter: test.ben,
                    revision: revision)
            }
        }
    }

    @Test func aRecordedValueStandsUntilAnExtractorEntersADifferentOne() throws {
        let test = try TestRegistry()
        let registry = test.registry
        try registry.write(reviewer: "cy", command: "final") { revision in
            _ = try registry.addOutcomeRows(
                [Self.fever("a", 9, 34), Self.fever("b", 14, 34)], defaultMeasure: { _ in "OR" }, revision: revision)
        }
        let before = try registry.headRevision()
        try enter([Self.fever("a", 9, 34), Self.fever("b", 14, 31)], by: test.ben, in: test)
        #expect(try status(test) == ["a": .consolidated, "b": .conflict])
        let conflict = try #require(try registry.outcomeExtraction().conflicts.first)
        #expect(conflict.consolidated?.data == Self.fever("b", 14, 34).data)
        #expect(conflict.differing == ["n_t"])
        #expect(try registry.outcomeRows().map(\.label) == ["a"])
        // As of before ben's entry, both rows counted.
        #expect(try registry.outcomeRows(at: before).map(\.label) == ["a", "b"])
    }

    @Test func replaceWithdrawsOnlyTheExtractorsOwnRows() throws {
        let test = try TestRegistry()
        try enter([Self.fever("a", 9, 34), Self.fever("b", 14, 34)], by: test.ana, in: test)
        try enter([Self.fever("a", 9, 34), Self.fever("b", 14, 34)], by: test.ben, in: test)
        try enter([Self.fever("a", 9, 34)], by: test.ana, replace: true, in: test)
        #expect(try status(test) == ["a": .consolidated, "b": .conflict])
        #expect(try test.registry.outcomeExtraction().conflicts.first?.differing == ["row"])
    }

    @Test func agreementCountsFirstEntriesPerFieldAndPair() throws {
        let test = try TestRegistry()
        try enter([Self.fever("a", 9, 34), Self.fever("b", 14, 34), Self.fever("c", 1, 34)], by: test.ana, in: test)
        try enter([Self.fever("a", 8, 34), Self.fever("b", 14, 34)], by: test.ben, in: test)
        try enter([Self.fever("a", 9, 34)], by: test.ben, in: test)  // a correction does not change "the first time"
        let pair = try #require(try test.registry.extractionAgreement().first)
        #expect((pair.first, pair.second, pair.rows, pair.identical) == ("ana", "ben", 3, 1))
        let fields = Dictionary(uniqueKeysWithValues: pair.fields.map { ($0.name, ($0.compared, $0.agreed)) })
        #expect(fields["row"]! == (3, 2))
        #expect(fields["events_t"]! == (2, 1))
        #expect(fields["n_t"]! == (2, 2))
    }

    @Test func characteristicsFollowTheSameRule() throws {
        let test = try TestRegistry()
        let registry = test.registry
        try registry.write(reviewer: nil, command: "study") { try registry.addStudy("Hare 2009", records: [], revision: $0) }
        for (reviewer, age) in [(test.ana, "59"), (test.ben, "59.0")] {
            try registry.write(reviewer: reviewer.name, command: "study import") { revision in
                try registry.addCharacteristicEntries(
                    study: "Hare 2009", values: [("age", age), ("country", reviewer.name == "ana" ? "USA" : "US")],
                    extractor: reviewer, revision: revision)
            }
        }
        let extraction = try registry.characteristicExtraction()
        #expect(extraction.table.names == ["age"])
        #expect(extraction.conflicts.map(\.name) == ["country"])
        try registry.write(reviewer: "cy", command: "study resolve") { revision in
            try registry.resolveCharacteristic(
                study: "Hare 2009", name: "country", choice: .accept(test.ana), arbiter: test.cy, revision: revision)
        }
        #expect(try registry.characteristics().studies.first?.values["country"]?.text == "USA")
    }
}
