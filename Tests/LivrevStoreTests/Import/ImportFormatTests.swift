import Testing

@testable import LivrevStore

@Suite("ImportFormat")
struct ImportFormatTests {
    @Test func formatFromExtension() {
        #expect(ImportFormat(path: "refs.RIS") == .ris)
        #expect(ImportFormat(path: "dir.v2/pubmed-set.nbib") == .medline)
        #expect(ImportFormat(path: "pubmed.txt") == .medline)
        #expect(ImportFormat(path: "records.csv") == .csv)
        #expect(ImportFormat(path: "records.xlsx") == nil)
        #expect(ImportFormat.formats(forExtensionOf: "wos.txt") == [.medline, .wos, .cochrane])
        #expect(ImportFormat(path: "dir.ris/records") == nil)
    }

    @Test func opensTheMatchingReader() throws {
        let ris = try Fixture.file(named: "a.ris", Fixture.bytes("TY  - JOUR\nTI  - From RIS\nER  - \n"))
        let nbib = try Fixture.file(named: "a.nbib", Fixture.bytes("PMID- 1\nTI  - From MEDLINE\n"))
        let csv = try Fixture.file(named: "a.csv", Fixture.bytes("title\nFrom CSV\n,\n"))
        var titles: [String] = []
        for path in [ris, nbib, csv] {
            let reader = try #require(ImportFormat(path: path)).reader(path: path)
            while let record = try reader.next() { titles.append(record.title) }
        }
        #expect(titles == ["From RIS", "From MEDLINE", "From CSV"])
    }
}
