import Testing

@testable import LivrevStore

@Suite("Dedup")
struct DedupTests {
    private func insert(_ test: TestRegistry, _ records: [ImportedRecord], kind: SearchKind = .database) throws {
        let registry = test.registry
        try registry.write(reviewer: nil, command: "import") { revision in
            let search = try registry.addSearch(source: "S", date: "2026-01-01", query: nil, kind: kind, revision: revision)
            var batch = RecordBatch(searchID: search, file: "f")
            for record in records { batch.append(record) }
            try registry.insert(batch, revision: revision)
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
                record("Stem cells in stroke: a randomised trial", doi: "10.1/ABC"),
                record("Stem cells in stroke: a randomised trial.", doi: "https://doi.org/10.1/abc"),
                record("Stem Cells in Stroke - a Randomised Trial!", author: "Smith, John"),
                record("Unrelated report of a trial of something", pmid: "123"),
                record("Unrelated report of a trial of something", pmid: "123"),
            ])
        let marks = try test.registry.findDuplicates()
        #expect(marks.map(\.record) == [2, 3, 5])
        #expect(marks.map(\.duplicateOf) == [1, 1, 4])
    }

    /// The cases the benchmark misses showed (issue 11), one each.
    @Test func whatTheBestToolsCatchAndWhatTheyLeave() throws {
        let test = try TestRegistry()
        let title = "Eculizumab in atypical haemolytic uraemic syndrome: a phase 2 trial"
        try insert(
            test,
            [
                record("Abstracts of the annual congress: poster 101 on stem cells", doi: "10.1/suppl"),
                record("Abstracts of the annual congress: poster 102 on platelets", doi: "10.1/suppl"),
                record(title, author: "Legendre CM", year: 2013),
                record("[" + title + "]. [Spanish]", author: "Legendre, C. M.", year: 2013),
                record("p16(INK4a) expression and CO 2 retention in chronic lung disease", author: "Ito K"),
                record("p16INK4a expression and CO2 retention in chronic lung disease", author: "Ito K"),
                record(title, author: "Legendre CM", year: 2014),
                record(title, author: "Someone Else", year: 2013),
            ])
        let marks = try test.registry.findDuplicates()
        #expect(marks.map(\.record) == [4, 6], "\(marks)")
        #expect(marks.map(\.duplicateOf) == [3, 5])
    }

    @Test func aYearOneApartNeedsTheJournalToo() throws {
        let test = try TestRegistry()
        let title = "Eculizumab in atypical haemolytic uraemic syndrome: a phase 2 trial"
        var early = record(title, author: "Legendre CM", year: 2013)
        early.journal = "New England Journal of Medicine"
        early.authors = ["Legendre CM", "Babu S", "Furman RR"]
        var late = early
        late.year = 2014
        late.journal = "N Engl J Med"
        late.authors = ["Babu S", "Legendre CM", "Furman RR"]  // author order differs between databases
        try insert(test, [early, late])
        #expect(try test.registry.findDuplicates().map(\.reason) == ["same title, authors and journal, year one apart"])
    }

    /// Two ways databases write one citation: a page with the journal's letter prefix (`c37`) or
    /// without it, and a subtitle that one of them keeps; a different page letter-free number is
    /// still another item.
    @Test func aPagePrefixOrASubtitleIsNotAnotherCitation() throws {
        func cited(_ title: String, year: Int, journal: String, volume: String, pages: String) -> ImportedRecord {
            var cited = record(title, author: "Kavanagh D", year: year)
            cited.authors = ["Kavanagh D", "Goodship T"]
            cited.journal = journal
            cited.volume = volume
            cited.pages = pages
            return cited
        }
        let test = try TestRegistry()
        let liver = "Successful isolated liver transplantation in a child with atypical haemolytic uraemic syndrome"
        try insert(
            test,
            [
                cited("Haemolytic uraemic syndrome", year: 2011, journal: "Nephron", volume: "118", pages: "c37-c42"),
                cited(
                    "Haemolytic uraemic syndrome", year: 2010, journal: "Nephron - Clinical Practice.", volume: "118",
                    pages: "37-42"),
                cited("Haemolytic uraemic syndrome", year: 2011, journal: "Nephron", volume: "118", pages: "c51-c55"),
                cited(liver + ": Brief communication", year: 2010, journal: "Am J Transplant", volume: "10", pages: "2141-2147"),
                cited(liver, year: 2010, journal: "American Journal of Transplantation", volume: "10", pages: "2142-2147"),
                cited(liver, year: 2010, journal: "Am J Transplant", volume: "10", pages: "2655"),
            ])
        let marks = try test.registry.findDuplicates()
        #expect(marks.map(\.record) == [2, 5], "\(marks)")
        #expect(marks.map(\.duplicateOf) == [1, 4])
    }

    /// A translated or reworded title is matched on its citation; a page typo is forgiven; an
    /// erratum notice on another page, and two abstracts of one supplement, are not duplicates.
    @Test func theCitationMatchesWhenTheTitleWasTranslated() throws {
        func cited(
            _ title: String, _ author: String, journal: String, volume: String?, pages: String, year: Int = 1994
        ) -> ImportedRecord {
            var record = record(title, author: author, year: year)
            record.journal = journal
            record.volume = volume
            record.pages = pages
            return record
        }
        let test = try TestRegistry()
        try insert(
            test,
            [
                cited(
                    "Antibiotic prophylaxis in pulmonary surgery: amoxicillin versus cefamandole", "Train, M.",
                    journal: "Ann Fr Anesth Reanim", volume: "13", pages: "280-284"),
                cited(
                    "[Comparison of amoxicillin and cefamandole in the prevention of infections in pulmonary surgery]",
                    "Train M", journal: "Annales Francaises d'Anesthesie et de Reanimation", volume: "13 ( Pt 1)",
                    pages: "280-4"),
                cited(
                    "Successful liver transplantation in a child with atypical haemolytic uraemic syndrome", "Haller W",
                    journal: "Am J Transplant", volume: "10", pages: "2141-2147"),
                cited(
                    "Successful liver transplantation in a child with atypical haemolytic uraemic syndrome", "Haller W",
                    journal: "Am J Transplant", volume: "10", pages: "2142-2147"),
                cited(
                    "Successful liver transplantation in a child with atypical haemolytic uraemic syndrome", "Haller W",
                    journal: "Am J Transplant", volume: "10", pages: "2655"),
                cited(
                    "Incentive spirometry after myocardial revascularization", "Ferreira GM",
                    journal: "Arq Bras Cardiol", volume: "94", pages: "233-238+230-235+246-251"),
                cited(
                    "[Incentive spirometry with positive airway pressure after myocardial revascularization]",
                    "Ferreira, G. M.", journal: "Arq Bras Cardiol", volume: "94", pages: "230-5, 246-51, 233-8"),
                cited(
                    "Eculizumab dosing in paroxysmal nocturnal haemoglobinuria", "Kelly R",
                    journal: "Br J Haematol", volume: "145", pages: "1-320"),
                cited(
                    "Quality of life under eculizumab in paroxysmal nocturnal haemoglobinuria", "Kelly R",
                    journal: "Br J Haematol", volume: "145", pages: "1-320"),
            ])
        let marks = try test.registry.findDuplicates()
        #expect(marks.map(\.record) == [2, 4, 7], "\(marks)")
        #expect(marks.map(\.duplicateOf) == [1, 3, 6])
        #expect(marks.first?.reason.hasPrefix("same journal, volume, pages, year and first author") == true)
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
        try insert(
            test,
            [record("A trial of stem cells in stroke", doi: "10.1/x"), record("A trial of stem cells in stroke", doi: "10.1/x")])
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

/// The banded Levenshtein similarity agrees with the full dynamic programme wherever it answers.
@Suite("Dedup title similarity")
struct TitleSimilarityTests {
    private func reference(_ x: [UInt8], _ y: [UInt8]) -> Double {
        var row = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var next = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(y.count, 1) where !y.isEmpty {
                next[j] = Swift.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            row = next
        }
        return 1 - Double(row[y.count]) / Double(Swift.max(x.count, y.count, 1))
    }

    @Test func bandedEqualsFullAboveTheFloorAndZeroBelow() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcde".utf8)
        for _ in 0..<2000 {
            let x = (0..<Int.random(in: 1...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var y = x
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                let position = Int.random(in: 0...y.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: y.insert(alphabet.randomElement(using: &generator)!, at: position)
                case 1 where position < y.count: y.remove(at: position)
                default: if position < y.count { y[position] = alphabet.randomElement(using: &generator)! }
                }
            }
            for floor in [0.5, 0.9] {
                let full = reference(x, y)
                let banded = DuplicateFinder.similarity(x, y, floor: floor)
                if full >= floor {
                    #expect(abs(banded - full) < 1e-12, "\(x) \(y) floor \(floor)")
                } else {
                    #expect(banded == 0, "\(x) \(y) floor \(floor)")
                }
            }
        }
    }
}
