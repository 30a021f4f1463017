import Testing

@testable import LivrevStore

@Suite("CSVRecordReader")
struct CSVRecordReaderTests {
    @Test func mapsColumnsToRecords() throws {
        let text = """
            Title,authors,YEAR,journal,doi,pmid,abstract,registration
            "Stem cells, a trial",Hare JM; Traverse JH ;,2009,J Am Coll Cardiol,10.1016/j.jacc.2009.06.055,19958962,"Line one
            line two",NCT00114452
            Bare title,,,,,,,
            """
        let records = try CSVRecordReader(bytes: Fixture.bytes(text), file: "records.csv").readAll()
        #expect(
            records == [
                ImportedRecord(
                    title: "Stem cells, a trial", abstract: "Line one\nline two", authors: ["Hare JM", "Traverse JH"],
                    year: 2009, journal: "J Am Coll Cardiol", doi: "10.1016/j.jacc.2009.06.055", pmid: "19958962",
                    registryNumbers: ["NCT00114452"], line: 2),
                ImportedRecord(title: "Bare title", line: 4),
            ])
    }

    @Test func titleColumnIsRequired() throws {
        let error = Fixture.importError { _ = try CSVRecordReader(bytes: Fixture.bytes("name,year\n"), file: "records.csv") }
        #expect(error == .missingColumn(file: "records.csv", name: "title"))
    }

    @Test func emptyTitleNamesTheRow() throws {
        let error = Fixture.importError {
            _ = try CSVRecordReader(bytes: Fixture.bytes("title,year\nA,2019\n ,2020\n"), file: "records.csv").readAll()
        }
        #expect(error == .missingField(file: "records.csv", line: 3, field: "title"))
    }

    @Test func badYearNamesLineAndColumn() throws {
        let error = Fixture.importError {
            _ = try CSVRecordReader(bytes: Fixture.bytes("title,year\nA,20l9\n"), file: "records.csv").readAll()
        }
        #expect(error?.description == "records.csv:2: column 'year' (2): not a whole number: \"20l9\"")
    }

    @Test func firstAuthorColumnAsFallback() throws {
        let records = try CSVRecordReader(
            bytes: Fixture.bytes("ref,first_author,year,title\n1,Friedenstein AJ,1974,Stromal cells\n"), file: "references.csv"
        ).readAll()
        #expect(records[0].authors == ["Friedenstein AJ"])
        #expect(records[0].year == 1974)
    }
}
