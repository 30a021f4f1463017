import Testing

@testable import LivrevStore

@Suite("ImportSource and FormatSniffer")
struct ImportSourceTests {
    private func sniff(_ bytes: [UInt8]) throws -> SniffedFormat {
        try FormatSniffer.sniff(ImportSource(bytes: bytes, file: "x"))
    }

    private func records(_ bytes: [UInt8]) throws -> [ImportedRecord] {
        let source = try ImportSource(bytes: bytes, file: "x")
        let sniffed = try FormatSniffer.sniff(source)
        return try sniffed.format.reader(source: source, sniffed: sniffed).readAll()
    }

    @Test func utf16WithEitherByteOrder() throws {
        let text = "TY  - JOUR\nTI  - Ærø café\nER  - \n"
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try ImportSource(bytes: little, file: "x").encoding == .utf16LittleEndian)
        #expect(try records(little).map(\.title) == ["Ærø café"])
        #expect(try records(big).map(\.title) == ["Ærø café"])
    }

    @Test func windows1252Fallback() throws {
        // "Café – naïve" in Windows-1252: é = E9, – (en dash) = 96, ï = EF.
        let bytes =
            Fixture.bytes("TY  - JOUR\nTI  - Caf") + [0xE9, 0x20, 0x96, 0x20, 0x6E, 0x61, 0xEF, 0x76, 0x65]
            + Fixture.bytes("\nER  - \n")
        let source = try ImportSource(bytes: bytes, file: "x")
        #expect(source.encoding == .windows1252)
        #expect(try records(bytes).map(\.title) == ["Café – naïve"])
    }

    @Test func utf8WithAndWithoutBOMIsUTF8() throws {
        #expect(try ImportSource(bytes: Fixture.bom("title\nA\n"), file: "x").encoding == .utf8)
        #expect(try records(Fixture.bom("Title,Year\nA,2020\n")).map(\.title) == ["A"])
    }

    @Test func binaryFilesAreRefused() {
        let nul = Fixture.importError { _ = try ImportSource(bytes: [0x54, 0x59, 0x00, 0x01], file: "x.ris") }
        #expect(nul == .notText(file: "x.ris", what: "a binary file (NUL byte at offset 2)"))
        let zip = Fixture.importError { _ = try ImportSource(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14], file: "x.xlsx") }
        #expect(zip?.description.contains("save it as CSV") == true)
    }

    @Test func formatFromTheContent() throws {
        #expect(try sniff(Fixture.bytes("1.\nTY  - JOUR\nTI  - A\nER  - \n")).format == .ris)
        #expect(try sniff(Fixture.bytes("PMID- 1\nTI  - A\n")).format == .medline)
        #expect(try sniff(Fixture.bytes("\nPMC - PMC1\nPMID- 1\nTI  - A\n")).format == .medline)
        #expect(try sniff(Fixture.bytes("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI A\nER\nEF\n")).format == .wos)
        #expect(try sniff(Fixture.bytes("Record #1 of 2\nID: CN-01\nTI: A\nSO: J\n")).format == .cochrane)
        #expect(
            try sniff(Fixture.bytes("<?xml version=\"1.0\"?><xml><records><record></record></records></xml>")).format
                == .endnoteXML)
        #expect(try sniff(Fixture.bytes("Title;Year\nA;2020\nB;2021\n")) == SniffedFormat(.csv, delimiter: 0x3B))
        #expect(try sniff(Fixture.bytes("TI\tAU\tPY\nA\tX\t2020\n")) == SniffedFormat(.csv, delimiter: 0x09))
        #expect(try sniff(Fixture.bytes("title\nOnly one column\n")) == SniffedFormat(.csv))
    }

    @Test func otherFormatsAreNamed() {
        let bibtex = Fixture.importError { _ = try sniff(Fixture.bytes("@article{a,\n title={A}\n}\n")) }
        #expect(bibtex == .unsupportedFormat(file: "x", looksLike: "BibTeX"))
        #expect(bibtex?.description.contains("it reads RIS, MEDLINE") == true)
        let empty = Fixture.importError { _ = try sniff(Fixture.bytes("\n\n  \n")) }
        #expect(empty == .noRecords(file: "x", format: "an empty file"))
    }

    @Test func webOfSciencePlainText() throws {
        let text = """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AU Sampson, SD
               Loewen, MA
            AF Sampson, Scott D.
               Loewen, Mark A.
            TI New horned dinosaurs from Utah provide evidence for intracontinental
               dinosaur endemism
            SO PLOS ONE
            DE Ceratopsidae; Laramidia;
               endemism
            PY 2010
            VL 5
            IS 9
            BP e12292
            DI 10.1371/journal.pone.0012292
            PM 20877543
            ER

            EF
            """
        let record = try #require(try records(Fixture.bytes(text)).first)
        #expect(record.title == "New horned dinosaurs from Utah provide evidence for intracontinental dinosaur endemism")
        #expect(record.authors == ["Sampson, Scott D.", "Loewen, Mark A."])
        #expect(record.keywords == ["Ceratopsidae", "Laramidia", "endemism"])
        #expect([record.journal, record.volume, record.issue, record.pages] == ["PLOS ONE", "5", "9", "e12292"])
        #expect(record.doi == "10.1371/journal.pone.0012292")
        #expect(record.pmid == "20877543")
        #expect(record.year == 2010)
        #expect(record.line == 3)
    }

    @Test func cochranePlainText() throws {
        let text = """
            Record #1 of 2
            ID: CN-00778158
            AU: Bywater T
            AU: Hutchings J
            TI: The Incredible Years
            SO: Trials
            YR: 2011
            VL: 12
            PG: 39
            PM: PUBMED 21314913
            XR: EMBASE 2011123456
            KY: Child; School
            DOI: 10.1186/1745-6215-12-39

            Record #2 of 2
            ID: CN-02000001
            TI: A registered trial
            US: https://clinicaltrials.gov/show/NCT01234567
            """
        let found = try records(Fixture.bytes(text))
        #expect(found.map(\.title) == ["The Incredible Years", "A registered trial"])
        #expect(found[0].authors == ["Bywater T", "Hutchings J"])
        #expect(found[0].pmid == "21314913")
        #expect(found[0].keywords == ["Child", "School"])
        #expect(found[0].doi == "10.1186/1745-6215-12-39")
        #expect(found[1].registryNumbers == ["NCT01234567"])
        #expect(found.map(\.line) == [1, 15])
    }

    @Test func endNoteXML() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8" ?><xml><records>
            <record><database name="My.enl">My.enl</database><ref-type name="Journal Article">17</ref-type>
            <contributors><authors><author><style face="normal" font="default" size="100%">Abdel-Tawab, M.</style></author>
            <author>Werz, O.</author></authors></contributors>
            <titles><title><style face="normal">Boswellia serrata &amp; its &#x3B1;-acids</style></title>
            <secondary-title>Clin Pharmacokinet</secondary-title></titles>
            <pages>349-69</pages><volume>50</volume><number>6</number>
            <keywords><keyword>Animals</keyword><keyword>Humans</keyword></keywords>
            <dates><year>2011</year></dates><accession-num>21553931</accession-num>
            <electronic-resource-num>10.2165/11586800-000000000-00000</electronic-resource-num>
            <remote-database-provider>NLM</remote-database-provider>
            <abstract>First line.&#xD;Second line.</abstract></record>
            <record><titles><title>Second</title></titles><accession-num>12345</accession-num></record>
            </records></xml>
            """
        let found = try records(Fixture.bytes(text))
        #expect(found.count == 2)
        let first = found[0]
        #expect(first.title == "Boswellia serrata & its α-acids")
        #expect(first.authors == ["Abdel-Tawab, M.", "Werz, O."])
        #expect([first.journal, first.volume, first.issue, first.pages] == ["Clin Pharmacokinet", "50", "6", "349-69"])
        #expect(first.keywords == ["Animals", "Humans"])
        #expect(first.year == 2011)
        #expect(first.pmid == "21553931")
        #expect(first.doi == "10.2165/11586800-000000000-00000")
        #expect(first.abstract == "First line. Second line.")
        #expect(found[1].pmid == nil, "an accession number is a PMID only when the database is PubMed")
        #expect(found.map(\.line) == [2, 13])
    }
}
