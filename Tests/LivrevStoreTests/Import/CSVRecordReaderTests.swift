import Testing

@testable import LivrevStore

@Suite("CSVRecordReader")
struct CSVRecordReaderTests {
    @Test func mapsColumnsToRecords() throws {
        let text = """
            Title,authors,YEAR,journal,doi,pmid,abstract,Trial registration
            "Stem cells, a trial",Hare JM; Traverse JH ;,2009,J Am Coll Cardiol,10.1016/j.jacc.2009.06.055,19958962,"Line one
            line two",NCT00114452
            Bare title,,,,,,,
            """
        let records = try CSVRecordReader(bytes: Fixture.bytes(text), file: "records.csv").readAll()
        #expect(
            records == [
                ImportedRecord(
                    title: "Stem cells, a trial", abstract: "Line one line two", authors: ["Hare JM", "Traverse JH"],
                    year: 2009, journal: "J Am Coll Cardiol", doi: "10.1016/j.jacc.2009.06.055", pmid: "19958962",
                    registryNumbers: ["NCT00114452"], line: 2),
                ImportedRecord(title: "Bare title", line: 4),
            ])
    }

    @Test func titleColumnIsRequired() throws {
        let error = Fixture.importError { _ = try CSVRecordReader(bytes: Fixture.bytes("name,year\n"), file: "records.csv") }
        #expect(error == .missingColumn(file: "records.csv", name: "title"))
    }

    @Test func emptyTitleIsKeptUntitled() throws {
        let records = try CSVRecordReader(bytes: Fixture.bytes("title,year\nA,2019\n ,2020\n"), file: "records.csv")
            .readAll()
        #expect(records.map(\.title) == ["A", ""])
        #expect(records.map(\.line) == [2, 3])
    }

    @Test func yearFromTheFirstFourDigitRun() throws {
        let records = try CSVRecordReader(
            bytes: Fixture.bytes("title,Publication Date\nA,4/3/2024\nB,in press\nC,2012-07-03\n"), file: "records.csv"
        ).readAll()
        #expect(records.map(\.year) == [2024, nil, 2012])
    }

    /// `ID` is Keywords Plus in Web of Science's tab-delimited tags; OpenAlex's `id` is the work.
    @Test func anIDColumnIsKeywordsOnlyAmongWebOfScienceTags() throws {
        let openAlex = "id,title,publication_year\nhttps://openalex.org/W4387881419,A,2023\n"
        let work = try #require(try CSVRecordReader(bytes: Fixture.bytes(openAlex), file: "o.csv").readAll().first)
        #expect(work.keywords.isEmpty)
        let tagged = "PT\tAU\tTI\tID\tPY\tUT\nJ\tSmith J\tA\tDINOSAURS; BONE\t2023\tWOS:1\n"
        let reader = try CSVRecordReader(lines: LineReader(bytes: Fixture.bytes(tagged), file: "w.txt"), delimiter: 0x09)
        let record = try #require(try reader.readAll().first)
        #expect(record.keywords == ["DINOSAURS", "BONE"])
    }

    @Test func headerSynonymsOfTheTools() throws {
        let text = """
            "SEARCH QUERY","dinosaur:ti"
            -------------------------------------

            Article Title,Author(s),Source title,Publication Year,PubMed ID,DOI,Page start,Page end,NCT Number
            A,"Griffin DK, Larkin DM, O'Connor RE.",J,2020,PUBMED 123,https://doi.org/10.1/X,5,9,NCT01234567

            """
        let record = try #require(try CSVRecordReader(bytes: Fixture.bytes(text), file: "e.csv").readAll().first)
        #expect(record.title == "A")
        #expect(record.authors == ["Griffin DK", "Larkin DM", "O'Connor RE"])
        #expect(record.journal == "J")
        #expect(record.year == 2020)
        #expect(record.pmid == "123")
        #expect(record.doi == "https://doi.org/10.1/X")
        #expect(record.pages == "5-9")
        #expect(record.registryNumbers == ["NCT01234567"])
        #expect(record.line == 5)
    }

    @Test func excelProtectedCells() throws {
        let records = try CSVRecordReader(bytes: Fixture.bytes("Title,ISSN\nA,=\"0001234\"\n"), file: "c.csv").readAll()
        #expect(records[0].title == "A")
    }

    @Test func authorListsAsEachToolWritesThem() {
        #expect(AuthorList.split("Yang, Z.; Jiang, B.; ") == ["Yang, Z.", "Jiang, B."])
        #expect(AuthorList.split("Yang, Z. and Jiang, B.") == ["Yang, Z.", "Jiang, B."])
        #expect(AuthorList.split("Alba Vicente|Josep Sanjuan") == ["Alba Vicente", "Josep Sanjuan"])
        #expect(AuthorList.split("Liu R., Adler D.G.") == ["Liu R.", "Adler D.G."])
        #expect(AuthorList.split("Wilson, L.N., Gardner, J.D.") == ["Wilson, L.N.", "Gardner, J.D."])
        #expect(AuthorList.split("Smith, John") == ["Smith, John"])
        #expect(AuthorList.split("WHO Study Group") == ["WHO Study Group"])
    }

    @Test func firstAuthorColumnAsFallback() throws {
        let records = try CSVRecordReader(
            bytes: Fixture.bytes("ref,first_author,year,title\n1,Friedenstein AJ,1974,Stromal cells\n"), file: "references.csv"
        ).readAll()
        #expect(records[0].authors == ["Friedenstein AJ"])
        #expect(records[0].year == 1974)
    }
}
