import Foundation
import Testing

@testable import LivrevStore

/// The 36 genuine exports of `Fixtures/import-corpus` (provenance in its SOURCES.md) import whole.
///
/// `expectations.json` was written by `scripts/corpus_expectations.py`, which parses each file on
/// its own (RIS records end at `ER  -`, MEDLINE records at blank lines, CSV rows through Python's
/// csv module) — never from livrev's output — and lists every record's title, DOI, year, authors,
/// abstract, journal, volume, issue, pages, PMID, keywords and registry numbers.
@Suite("Import corpus")
struct ImportCorpusTests {
    struct Expectation: Decodable, Sendable, CustomTestStringConvertible {
        let format: String
        let records: Int
        /// Every record's title, DOI, year, authors, abstract, journal, volume, issue, pages, PMID,
        /// keywords and registry numbers, in file order (nil or empty where the file gives none).
        let titles: [String?]
        let dois: [String?]
        let years: [Int?]
        let authors: [[String]]
        let abstracts: [String?]
        let journals: [String?]
        let volumes: [String?]
        let issues: [String?]
        let pages: [String?]
        let pmids: [String?]
        let keywords: [[String]]
        let registry: [[String]]
        var name = ""
        var testDescription: String { name }

        enum CodingKeys: String, CodingKey {
            case format, records, titles, dois, years, authors, abstracts, journals, volumes, issues, pages, pmids
            case keywords, registry
        }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/import-corpus").standardized.path

    static let expectations: [Expectation] = {
        guard let data = FileManager.default.contents(atPath: directory + "/expectations.json"),
            let table = try? JSONDecoder().decode([String: Expectation].self, from: data)
        else { return [] }
        return table.keys.sorted().compactMap { name in
            table[name].map { expectation in
                var named = expectation
                named.name = name
                return named
            }
        }
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.expectations.count == 36, "34 exports and 2 re-encodings, as SOURCES.md lists them")
    }

    @Test(arguments: expectations)
    func importsWhole(_ expected: Expectation) throws {
        let source = try ImportSource(path: Self.directory + "/" + expected.name)
        let sniffed = try FormatSniffer.sniff(source)
        #expect(sniffed.format.rawValue == expected.format)
        let records = try sniffed.format.reader(source: source, sniffed: sniffed).readAll()
        try #require(records.count == expected.records && expected.titles.count == expected.records)
        let collapse = { (text: String?) in text?.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for (index, (record, title)) in zip(records, expected.titles).enumerated() {
            #expect(collapse(record.title) == collapse(title), "record \(index + 1)")
        }
        for (index, (record, doi)) in zip(records, expected.dois).enumerated() {
            guard let doi else { continue }  // livrev may find one elsewhere (M3, UR); the parse reads DO only
            #expect(record.doi.flatMap(RecordKeys.normalizedDOI) == RecordKeys.normalizedDOI(doi), "record \(index + 1)")
        }
        for (index, (record, year)) in zip(records, expected.years).enumerated() where year != nil {
            #expect(record.year == year, "record \(index + 1)")
        }
        for (index, (record, authors)) in zip(records, expected.authors).enumerated() where !authors.isEmpty {
            #expect(record.authors.map { collapse($0) } == authors.map { collapse($0) }, "record \(index + 1)")
        }
        for (index, (record, abstract)) in zip(records, expected.abstracts).enumerated() {
            #expect(collapse(record.abstract) == collapse(abstract), "record \(index + 1)")
        }
        for (index, (record, journal)) in zip(records, expected.journals).enumerated() where journal != nil {
            #expect(collapse(record.journal) == collapse(journal), "record \(index + 1)")
        }
        for (index, (record, keywords)) in zip(records, expected.keywords).enumerated() {
            #expect(record.keywords.map { collapse($0) } == keywords.map { collapse($0) }, "record \(index + 1)")
        }
        for (index, (record, numbers)) in zip(records, expected.registry).enumerated() {
            // Only from identifier fields: an abstract citing a trial's number is not that trial's report.
            #expect(record.registryNumbers == numbers, "record \(index + 1)")
        }
        for (index, (record, pmid)) in zip(records, expected.pmids).enumerated() {
            #expect(record.pmid == pmid, "record \(index + 1)")  // none where the parse finds none, too
        }
        for (index, record) in records.enumerated() {
            let stored = [record.volume, record.issue, record.pages].map { collapse($0) }
            let parsed = [expected.volumes, expected.issues, expected.pages].map { collapse($0[index]) }
            for (field, (mine, theirs)) in zip(["volume", "issue", "pages"], zip(stored, parsed)) where theirs != nil {
                #expect(mine == theirs, "record \(index + 1), \(field)")
            }
        }
        #expect(records.allSatisfy { !$0.title.isEmpty }, "every record of these exports has a title")
    }
}
