import Testing

@testable import LivrevStore

@Suite("Consistency checks")
struct CheckTests {
    private func add(_ test: TestRegistry, _ rows: [NewOutcomeRow]) throws {
        let registry = test.registry
        try registry.write(reviewer: nil, command: "data") { revision in
            _ = try registry.addOutcomeRows(rows, defaultMeasure: { _ in "OR" }, revision: revision)
        }
    }

    private func row(_ study: String, _ outcome: String, _ event: String, _ et: Int, _ nt: Int, _ ec: Int, _ nc: Int)
        -> NewOutcomeRow
    {
        NewOutcomeRow(
            study: study, outcome: outcome, eventName: event,
            data: .dichotomous(eventsTreatment: et, nTreatment: nt, eventsControl: ec, nControl: nc))
    }

    @Test func aCleanRegistryHasNoFindings() throws {
        let test = try TestRegistry()
        try add(
            test, [row("Hare 2009", "General", "Fever", 9, 34, 7, 19), row("Hare 2009", "Cardiac", "Arrhythmia", 2, 34, 1, 19)])
        #expect(try test.registry.check().isEmpty)
    }

    @Test func findsTheSeedReviewsKindsOfInconsistency() throws {
        let test = try TestRegistry()
        try add(
            test,
            [
                // Averyanov: the control arm is 10 except in two rows (and there every control patient had the event).
                row("Averyanov 2020", "General", "Fever", 4, 10, 1, 1), row("Averyanov 2020", "Deaths", "Death", 2, 10, 2, 2),
                row("Averyanov 2020", "Infections", "Pneumonia", 1, 10, 2, 10),
                row("Averyanov 2020", "Renal", "AKI", 1, 10, 0, 10),
                // Zang uses Perico's denominators in one row.
                row("Zang 2022", "Cardiac", "Chest pain", 2, 12, 0, 4), row("Zang 2022", "General", "Fever", 3, 45, 2, 46),
                row("Zang 2022", "Infections", "Sepsis", 1, 45, 1, 46),
                row("Perico 2023", "Infections", "Sepsis", 1, 12, 0, 4), row("Perico 2023", "General", "Fever", 1, 12, 1, 4),
                // Lin reports one event twice with different counts; Casiraghi twice identically.
                row("Lin 2017", "GI", "Gastrointestinal; bleeding", 1, 56, 0, 54),
                row("Lin 2017", "GI", "Gastrointestinal; bleeding", 2, 56, 1, 54),
                row("Casiraghi 2021", "GI", "Gastrointestinal", 1, 10, 0, 10),
                row("Casiraghi 2021", "GI", "Gastrointestinal", 1, 10, 0, 10),
                // One trial spelt twice.
                row("Ercicum 2019", "Skin", "Graft dysfunction", 1, 10, 0, 10), row("Epicum 2019", "GI", "Nausea", 1, 10, 0, 10),
            ])
        let findings = try test.registry.check()
        let codes = Set(findings.map(\.code))
        #expect(
            codes.isSuperset(of: [
                "arm-n-differs", "borrowed-denominators", "events-equal-n", "repeated-event",
                "duplicate-rows", "near-duplicate-study",
            ]))
        let borrowed = try #require(findings.first { $0.code == "borrowed-denominators" })
        #expect(borrowed.message.contains("Zang 2022") && borrowed.message.contains("Perico 2023"))
        #expect(findings.first?.severity == .error)  // errors come first
    }

    @Test func publishedFlowThatDoesNotAddUpIsAnError() throws {
        let test = try TestRegistry()
        let registry = test.registry
        try registry.write(reviewer: nil, command: "previous") { revision in
            try registry.recordPublishedPreviousCounts(
                [
                    ("records_identified", 987, nil), ("excluded_after_title_abstract_screening", 780, nil),
                    ("full_text_assessed", 207, nil), ("excluded_after_full_text_review", 169, nil),
                    ("included_in_quantitative_analysis", 36, nil),
                ], revision: revision)
        }
        let findings = try registry.check().filter { $0.code == "prisma-arithmetic" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("207 − excluded_after_full_text_review 169") == false)
        #expect(
            findings.first?.message.contains("reports_assessed 207 − reports_excluded 169 = 38, but studies_included is 36")
                == true)
    }
}
