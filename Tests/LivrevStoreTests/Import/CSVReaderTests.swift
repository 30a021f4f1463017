import Foundation
import Testing

@testable import LivrevStore

@Suite("CSVReader")
struct CSVReaderTests {
    func rows(_ bytes: [UInt8], chunkSize: Int = 64 * 1024) throws -> [CSVRow] {
        let reader = try CSVReader(bytes: bytes, file: "data.csv", chunkSize: chunkSize)
        var rows: [CSVRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test func headerLookupIsCaseInsensitive() throws {
        let reader = try CSVReader(bytes: Fixture.bytes("Study, Events_T ,n_t\nHare,9,34\n"), file: "data.csv")
        #expect(reader.header.names == ["Study", "Events_T", "n_t"])
        #expect(reader.header.index(of: "events_t") == 1)
        #expect(reader.header.index(of: "N_T") == 2)
        #expect(reader.header.index(of: "events_c") == nil)
        #expect(try reader.requiredColumn("STUDY") == CSVColumn(index: 0, name: "Study"))
        let error = Fixture.importError { _ = try reader.requiredColumn("events_c") }
        #expect(error?.description == "data.csv: header has no column 'events_c'")
    }

    @Test func quotedCommas() throws {
        let result = try rows(Fixture.bytes("a,b,c\n1,\"Chest pain, fatigue\",3\n"))
        #expect(result == [CSVRow(line: 2, fields: ["1", "Chest pain, fatigue", "3"])])
    }

    @Test func embeddedNewlinesKeepLineNumbersRight() throws {
        let result = try rows(Fixture.bytes("a,b\n1,\"two\nlines\"\n2,\"three\n\nlines\"\n3,x\n"))
        #expect(result.map(\.line) == [2, 4, 7])
        #expect(result[0][1] == "two\nlines")
        #expect(result[1][1] == "three\n\nlines")
        #expect(result[2][1] == "x")
    }

    @Test func doubledQuotes() throws {
        let result = try rows(Fixture.bytes("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n"))
        #expect(result[0].fields == ["say \"hi\"", "\""])
    }

    @Test func crlfAndChunkBoundaries() throws {
        let text = "a,b\n1,\"x,\ny\"\n\n2,\"\"\"q\"\"\"\n"
        let plain = try rows(Fixture.bytes(text))
        #expect(plain.map(\.line) == [2, 5])
        #expect(try rows(Fixture.crlf(text)) == plain)
        for chunk in [1, 2, 3, 5] {
            #expect(try rows(Fixture.crlf(text), chunkSize: chunk) == plain)
        }
    }

    @Test func byteOrderMarkBeforeHeader() throws {
        let reader = try CSVReader(bytes: Fixture.bom("title,year\nA,2019\n"), file: "data.csv")
        #expect(reader.header.index(of: "title") == 0)
    }

    @Test func shortRowsReadAsEmptyAndBlankLinesAreSkipped() throws {
        let result = try rows(Fixture.bytes("a,b,c\n1\n\n2,,\n"))
        #expect(result.map(\.line) == [2, 4])
        #expect(result[0][2] == "")
    }

    @Test func unclosedQuoteNamesWhereItStarted() throws {
        let error = Fixture.importError { _ = try rows(Fixture.bytes("a,b\n1,2\n3,\"never\nclosed\n4,5\n")) }
        #expect(error == .unclosedQuote(file: "data.csv", line: 3, column: 3))
        #expect(error?.description == "data.csv:3:3: quoted field is never closed (missing \")")
    }

    /// Python's csv module (strict off) and Excel read loose quotes this way; the expected cells are
    /// what `csv.reader(io.StringIO(text))` gives.
    @Test func looseQuotesReadAsPythonReadsThem() throws {
        #expect(try rows(Fixture.bytes("a,b\n1,ab\"c\n"))[0].fields == ["1", "ab\"c"])
        #expect(try rows(Fixture.bytes("a,b\n1,\"ab\"c\n"))[0].fields == ["1", "abc"])
        #expect(try rows(Fixture.bytes("a,b\n1,5\" floppy \"disk\"\n"))[0].fields == ["1", "5\" floppy \"disk\""])
        #expect(try rows(Fixture.bytes("a,b\n\"x\"\"y\",2\n"))[0].fields == ["x\"y", "2"])
    }

    @Test func semicolonAndTabDelimiters() throws {
        let semicolon = try CSVReader(
            lines: LineReader(bytes: Fixture.bytes("a;b\n\"1;2\";3\n"), file: "data.csv"), delimiter: 0x3B,
            isHeader: { _ in true })
        #expect(try semicolon.next()?.fields == ["1;2", "3"])
        let tab = try CSVReader(
            lines: LineReader(bytes: Fixture.bytes("a\tb\n1,2\t3\n"), file: "data.tsv"), delimiter: 0x09,
            isHeader: { _ in true })
        #expect(try tab.next()?.fields == ["1,2", "3"])
    }

    @Test func spacesAroundQuotedFieldsAreTolerated() throws {
        #expect(try rows(Fixture.bytes("a,b\n1, \"x, y\" \n"))[0].fields == ["1", "x, y"])
    }

    @Test func moreFieldsThanHeader() throws {
        let error = Fixture.importError { _ = try rows(Fixture.bytes("a,b\n1,2\n1,2,3\n")) }
        #expect(error == .tooManyFields(file: "data.csv", line: 3, expected: 2, found: 3))
        #expect(error?.description == "data.csv:3: row has 3 fields but the header has 2")
    }

    @Test func binaryGarbage() throws {
        let nul = Fixture.importError { _ = try rows(Fixture.bytes("a,b\n1,x") + [0] + Fixture.bytes("\n")) }
        #expect(nul == .invalidText(file: "data.csv", line: 2, column: 4, reason: "NUL byte in text (binary file?)"))
        let latin1 = Fixture.importError { _ = try rows(Fixture.bytes("a,b\n1,2\nM") + [0xFC] + Fixture.bytes("ller,3\n")) }
        #expect(latin1?.description == "data.csv:3:2: invalid UTF-8 byte 0xFC")
        let overlong = Fixture.importError { _ = try rows(Fixture.bytes("a\n") + [0xC0, 0xAF] + Fixture.bytes("\n")) }
        #expect(overlong == .invalidText(file: "data.csv", line: 2, column: 1, reason: "invalid UTF-8 byte 0xC0"))
    }

    @Test func emptyFileHasNoHeader() throws {
        let error = Fixture.importError { _ = try CSVReader(bytes: [], file: "data.csv") }
        #expect(error == .missingHeader(file: "data.csv"))
    }

    @Test func duplicateHeaderColumn() throws {
        let error = Fixture.importError { _ = try CSVReader(bytes: Fixture.bytes("a,B,b\n"), file: "data.csv") }
        #expect(error == .duplicateColumn(file: "data.csv", name: "b"))
    }

    @Test func typedAccessors() throws {
        let reader = try CSVReader(bytes: Fixture.bytes("study,events_t,n_t,hr\nHare,9, 34 ,0.5\nLee,,1O,x\n"), file: "data.csv")
        let events = try reader.requiredColumn("events_t")
        let total = try reader.requiredColumn("n_t")
        let ratio = try reader.requiredColumn("hr")
        let first = try #require(try reader.next())
        #expect(try reader.int(events, in: first) == 9)
        #expect(try reader.int(total, in: first) == 34)
        #expect(try reader.double(ratio, in: first) == 0.5)
        let second = try #require(try reader.next())
        #expect(try reader.int(events, in: second) == nil)
        let error = Fixture.importError { _ = try reader.int(total, in: second) }
        #expect(
            error == .invalidValue(file: "data.csv", line: 3, column: 3, name: "n_t", value: "1O", expected: "a whole number"))
        #expect(error?.description == "data.csv:3: column 'n_t' (3): not a whole number: \"1O\"")
        let notNumber = Fixture.importError { _ = try reader.double(ratio, in: second) }
        #expect(notNumber?.description == "data.csv:3: column 'hr' (4): not a number: \"x\"")
    }

    @Test func readsFromAFile() throws {
        let path = try Fixture.file(named: "data.csv", Fixture.bytes("a,b\n1,2\n"))
        let reader = try CSVReader(path: path)
        #expect(try reader.next()?.fields == ["1", "2"])
        #expect(try reader.next() == nil)
    }
}

@Suite("CSVReader on the seed review")
struct CSVSeedTests {
    static let directory = Fixture.seedReview

    @Test(
        arguments: [
            "ae_counts.csv", "prisma.csv", "references.csv", "reported_results.csv", "rob.csv", "study_characteristics.csv",
        ])
    func readsEverySeedCSV(name: String) throws {
        let reader = try CSVReader(path: Self.directory + "/" + name)
        var count = 0
        while try reader.next() != nil { count += 1 }
        #expect(count > 0)
    }

    @Test func seedReferencesAsRecords() throws {
        let records = try CSVRecordReader(path: Self.directory + "/references.csv").readAll()
        #expect(records.count == 50)
        #expect(records.allSatisfy { $0.year != nil && $0.doi != nil })
    }
}
