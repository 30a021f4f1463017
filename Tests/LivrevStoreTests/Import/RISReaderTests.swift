import Foundation
import Testing

@testable import LivrevStore

@Suite("RISReader")
struct RISReaderTests {
    /// Records 1 and 11 of the seed review's references.ris (LF, blank line between records).
    static let seedExcerpt = """
        TY  - JOUR
        AU  - Friedenstein AJ
        AU  - Chailakhyan RK
        TI  - Stromal cells responsible for transferring the microenvironment of the hemopoietic tissues. Cloning in vitro and retransplantation in vivo
        T2  - Transplantation
        PY  - 1974
        VL  - 17
        DO  - 10.1097/00007890-197404000-00001
        N1  - ref 1
        ER  - 

        TY  - JOUR
        AU  - Şahin M
        AU  - Aybek E
        TI  - Jamovi: An Easy to Use statistical software for the social scientists
        T2  - Int J Assess Tools Educ
        PY  - 2019
        DO  - 10.21449/ijate.661803
        N1  - ref 11
        ER  - 

        """

    func read(_ bytes: [UInt8], chunkSize: Int = 64 * 1024) throws -> [ImportedRecord] {
        try RISReader(bytes: bytes, file: "refs.ris", chunkSize: chunkSize).readAll()
    }

    @Test func readsSeedExcerpt() throws {
        let records = try read(Fixture.bytes(Self.seedExcerpt))
        #expect(records.count == 2)
        #expect(
            records[0]
                == ImportedRecord(
                    title:
                        "Stromal cells responsible for transferring the microenvironment of the hemopoietic tissues. Cloning in vitro and retransplantation in vivo",
                    authors: ["Friedenstein AJ", "Chailakhyan RK"], year: 1974, journal: "Transplantation", volume: "17",
                    doi: "10.1097/00007890-197404000-00001", line: 1))
        #expect(records[1].authors == ["Şahin M", "Aybek E"])
        #expect(records[1].line == 12)
        #expect(records[1].year == 2019)
    }

    @Test func sameRecordsAtEveryChunkBoundary() throws {
        let whole = try read(Fixture.bytes(Self.seedExcerpt))
        for chunk in [1, 2, 3, 7, 64] {
            #expect(try read(Fixture.bytes(Self.seedExcerpt), chunkSize: chunk) == whole)
        }
    }

    @Test func crlfLineEnds() throws {
        #expect(try read(Fixture.crlf(Self.seedExcerpt)) == read(Fixture.bytes(Self.seedExcerpt)))
    }

    @Test func byteOrderMark() throws {
        let records = try read(Fixture.bom(Self.seedExcerpt))
        #expect(records.count == 2)
        #expect(records[0].line == 1)
    }

    @Test func blankLinesInsideAndBetweenRecords() throws {
        let records = try read(Fixture.bytes("\n\nTY  - JOUR\n\nTI  - A\n\nER  - \n\n\n\nTY  - JOUR\nTI  - B\nER  -\n"))
        #expect(records.map(\.title) == ["A", "B"])
        #expect(records.map(\.line) == [3, 11])
    }

    @Test func ovidAndEndNoteHeaderLinesAreSkipped() throws {
        let text = """
            Provider: Ovid Technologies
            Database: Ovid MEDLINE(R) ALL <1946 to May 2024>
            Search Strategy:
            --------------------------------------------------------------------------------
            1     exp Mesenchymal Stem Cells/ (45123)
            TY  - JOUR
            TI  - First
            ER  - 
            <2>
            Record junk between records
            TY  - JOUR
            TI  - Second
            ER  - 
            """
        #expect(try read(Fixture.bytes(text)).map(\.title) == ["First", "Second"])
    }

    @Test func repeatedAuthorsWithA1() throws {
        let record = try read(
            Fixture.bytes("TY  - JOUR\nA1  - Smith, John\nAU  - van der Berg A\nAU  -\nAU  - Álvaro-Gracia JM\nTI  - T\nER  - \n")
        )[0]
        #expect(record.authors == ["Smith, John", "van der Berg A", "Álvaro-Gracia JM"])
    }

    @Test func titlePrefersTIOverT1() throws {
        #expect(try read(Fixture.bytes("TY  - JOUR\nT1  - From T1\nTI  - From TI\nER  - \n"))[0].title == "From TI")
        #expect(try read(Fixture.bytes("TY  - JOUR\nT1  - From T1\nER  - \n"))[0].title == "From T1")
    }

    @Test func yearFromPYThenY1ThenDA() throws {
        #expect(
            try read(Fixture.bytes("TY  - JOUR\nTI  - T\nDA  - 2017/05/01\nY1  - 2018/01/02/\nPY  - 2019///\nER  - \n"))[0].year
                == 2019)
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nDA  - 2017/05/01\nY1  - 2018/01/02/\nER  - \n"))[0].year == 2018)
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nDA  - 2017/05/01\nER  - \n"))[0].year == 2017)
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nPY  - in press\nER  - \n"))[0].year == nil)
    }

    @Test func abstractFromABElseN2() throws {
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nN2  - From N2\nAB  - From AB\nER  - \n"))[0].abstract == "From AB")
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nN2  - From N2\nER  - \n"))[0].abstract == "From N2")
    }

    @Test func doiFromDOElseURL() throws {
        #expect(
            try read(Fixture.bytes("TY  - JOUR\nTI  - T\nUR  - https://doi.org/10.1/x\nDO  - 10.1000/abc\nER  - \n"))[0].doi
                == "10.1000/abc")
        #expect(
            try read(
                Fixture.bytes(
                    "TY  - JOUR\nTI  - T\nUR  - http://example.org/paper\nL3  - https://doi.org/10.1186/s13287-019-1447-y\nER  - \n"
                ))[0].doi == "10.1186/s13287-019-1447-y")
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nUR  - http://example.org/paper\nER  - \n"))[0].doi == nil)
    }

    @Test func journalPrefersJFThenJOThenT2ThenJA() throws {
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nJA  - A\nT2  - B\nJO  - C\nJF  - D\nER  - \n"))[0].journal == "D")
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nJA  - A\nT2  - B\nJO  - C\nER  - \n"))[0].journal == "C")
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nJA  - A\nT2  - B\nER  - \n"))[0].journal == "B")
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nJA  - A\nER  - \n"))[0].journal == "A")
    }

    @Test func pmidFromDigitAccessionOrPMIDLine() throws {
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nAN  - 31779690\nDB  - PubMed\nER  - \n"))[0].pmid == "31779690")
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nAN  - 31779690\nER  - \n"))[0].pmid == nil)
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nAN  - WOS:000123\nER  - \n"))[0].pmid == nil)
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nPMID- 12345\nER  - \n"))[0].pmid == "12345")
    }

    /// A trial number cited in an abstract or note belongs to the cited trial: only identifier fields count.
    @Test func registryNumbersFromIdentifierFieldsOnly() throws {
        let record = try read(
            Fixture.bytes(
                """
                TY  - JOUR\nTI  - Follow-up of NCT07654321\nAB  - Registered as nct00114452.\nN1  - NCT01234567
                AN  - ISRCTN12345678\nUR  - https://clinicaltrials.gov/study/NCT00114452\nER  - \n
                """
            ))[0]
        #expect(record.registryNumbers == ["ISRCTN12345678", "NCT00114452"])
    }

    @Test func pmidOnlyFromFieldsThatHoldOne() throws {
        let pubmed = "TY  - JOUR\nTI  - T\nAN  - 21553931\nDP  - NLM\nER  - \n"
        #expect(try read(Fixture.bytes(pubmed))[0].pmid == "21553931")
        let ebsco = "TY  - JOUR\nTI  - T\nAN  - 176404503\nDB  - ccm\nDP  - EBSCOhost\nER  - \n"
        #expect(try read(Fixture.bytes(ebsco))[0].pmid == nil)
        let scopus = "TY  - JOUR\nTI  - T\nC2  - 38580657\nDB  - Scopus\nER  - \n"
        #expect(try read(Fixture.bytes(scopus))[0].pmid == "38580657")
        let cochrane = "TY  - JOUR\nTI  - T\nAN  - CN-00778158\nC3  - PUBMED 21314913\nER  - \n"
        #expect(try read(Fixture.bytes(cochrane))[0].pmid == "21314913")
        let embase = "TY  - JOUR\nTI  - T\nU2  - L2029880245\nC5  - 38773066\nDB  - Embase\nER  - \n"
        #expect(try read(Fixture.bytes(embase))[0].pmid == "38773066")
        // Embase exports the MEDLINE records it holds with `DB  - Medline` and the PMID in C5 too.
        let medline = "TY  - JOUR\nTI  - T\nU2  - L644585435\nC5  - 38906957\nDB  - Medline\nER  - \n"
        #expect(try read(Fixture.bytes(medline))[0].pmid == "38906957")
        // Without a database that numbers by PMID, C5 is a custom field (EndNote's "Custom 5").
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nC5  - 12345\nER  - \n"))[0].pmid == nil)
    }

    @Test func volumeIssuePagesKeywords() throws {
        let text = "TY  - JOUR\nTI  - T\nVL  - 50\nIS  - 6\nSP  - 349\nEP  - 69\nKW  - Animals\nHumans\nKW  - Rats\nER  - \n"
        let record = try read(Fixture.bytes(text))[0]
        #expect([record.volume, record.issue, record.pages] == ["50", "6", "349-69"])
        #expect(record.keywords == ["Animals", "Humans", "Rats"])
    }

    @Test func doiFromM3OrAResolverLink() throws {
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nM3  - 10.1000/abc\nER  - \n"))[0].doi == "10.1000/abc")
        #expect(try read(Fixture.bytes("TY  - JOUR\nTI  - T\nM3  - Article\nER  - \n"))[0].doi == nil)
        let link =
            "TY  - JOUR\nTI  - T\nLK  - https://x.org/link?sid=EMBASE&id=doi:10.1038%2Fs41467-024-48400-3&atitle=A\nER  - \n"
        #expect(try read(Fixture.bytes(link))[0].doi == "10.1038/s41467-024-48400-3")
    }

    @Test func continuedLinesJoinWithASpace() throws {
        let record = try read(
            Fixture.bytes("TY  - JOUR\nTI  - A title that\n  wraps onto\nthree lines\nAB  - Abstract\ncontinues\nER  - \n"))[0]
        #expect(record.title == "A title that wraps onto three lines")
        #expect(record.abstract == "Abstract continues")
    }

    @Test func truncatedFileNamesTheRecordStart() throws {
        let text = Self.seedExcerpt + "TY  - JOUR\nTI  - Cut\nAU  - Smith J\n"
        let error = Fixture.importError { _ = try read(Fixture.bytes(text)) }
        #expect(error == .truncated(file: "refs.ris", line: 21))
        #expect(error?.description == "refs.ris:21:1: record ends without ER - (truncated file?)")
    }

    @Test func newRecordBeforeERIsTruncation() throws {
        let error = Fixture.importError { _ = try read(Fixture.bytes("TY  - JOUR\nTI  - A\nTY  - JOUR\nTI  - B\nER  - \n")) }
        #expect(error == .truncated(file: "refs.ris", line: 1))
    }

    @Test func recordWithoutTitleIsKeptUntitled() throws {
        let records = try read(Fixture.bytes("TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nAU  - Smith J\nER  - \n"))
        #expect(records.map(\.title) == ["A", ""])
        #expect(records[1].authors == ["Smith J"])
        #expect(records[1].line == 4)
    }

    @Test func invalidUTF8InsideARecord() throws {
        let bytes = Fixture.bytes("TY  - JOUR\nTI  - caf") + [0xE9] + Fixture.bytes(" au lait\nER  - \n")
        let error = Fixture.importError { _ = try read(bytes) }
        #expect(error == .invalidText(file: "refs.ris", line: 2, column: 10, reason: "invalid UTF-8 byte 0xE9"))
    }

    @Test func readsFromAFile() throws {
        let path = try Fixture.file(named: "refs.ris", Fixture.bytes(Self.seedExcerpt))
        let records = try RISReader(path: path).readAll()
        #expect(records.count == 2)
        let missing = Fixture.importError { _ = try RISReader(path: path + ".missing") }
        #expect(missing?.description.hasPrefix(path + ".missing: cannot read file: ") == true)
    }

    @Test func seedReviewFile() throws {
        let records = try RISReader(path: Fixture.seedReview + "/references.ris").readAll()
        #expect(records.count == 50)
        #expect(records.allSatisfy { $0.doi != nil && $0.year != nil && $0.journal != nil && !$0.authors.isEmpty })
        #expect(records.contains { $0.authors.contains("MSB-DM003 Investigators") })
    }

    @Test func bufferStaysOneChunkOnLargeInput() throws {
        let record =
            "TY  - JOUR\nAU  - Smith J\nTI  - A title\nAB  - " + String(repeating: "word ", count: 250)
            + "\nPY  - 2020\nER  - \n\n"
        let bytes = Fixture.bytes(String(repeating: record, count: 4000))  // about 5.2 MB
        let reader = RISReader(bytes: bytes, file: "big.ris", chunkSize: 64 * 1024)
        var count = 0
        while try reader.next() != nil { count += 1 }
        #expect(count == 4000)
        #expect(reader.bufferCapacity <= 2 * 64 * 1024)
    }
}
