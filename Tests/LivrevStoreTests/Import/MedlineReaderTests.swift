import Testing

@testable import LivrevStore

@Suite("MedlineReader")
struct MedlineReaderTests {
    static let sample = """
        PMID- 31779690
        OWN - NLM
        STAT- MEDLINE
        DP  - 2019 Nov 28
        TI  - MSC-secreted TGF-beta regulates lipopolysaccharide-stimulated macrophage
              M2-like polarization via the Akt/FoxO1 pathway.
        LID - 345 [pii]
        LID - 10.1186/s13287-019-1447-y [doi]
        AB  - BACKGROUND: Mesenchymal stem cells (MSCs) are
              immunomodulatory.
        FAU - Liu, Feng
        AU  - Liu F
        FAU - Qiu, Haibo
        AU  - Qiu H
        SI  - ClinicalTrials.gov/NCT01234567
        TA  - Stem Cell Res Ther
        JT  - Stem cell research & therapy
        AID - 10.1186/other [doi]

        PMID- 4150880
        DP  - 1974 Apr
        TI  - Stromal cells responsible for transferring the microenvironment.
        AU  - Friedenstein AJ
        AU  - Chailakhyan RK
        AID - 10.1097/00007890-197404000-00001 [doi]
        TA  - Transplantation
        """

    func read(_ bytes: [UInt8], chunkSize: Int = 64 * 1024) throws -> [ImportedRecord] {
        try MedlineReader(bytes: bytes, file: "pubmed.nbib", chunkSize: chunkSize).readAll()
    }

    @Test func readsPubMedRecords() throws {
        let records = try read(Fixture.bytes(Self.sample))
        #expect(records.count == 2)
        #expect(
            records[0]
                == ImportedRecord(
                    title:
                        "MSC-secreted TGF-beta regulates lipopolysaccharide-stimulated macrophage M2-like polarization via the Akt/FoxO1 pathway.",
                    abstract: "BACKGROUND: Mesenchymal stem cells (MSCs) are immunomodulatory.",
                    authors: ["Liu, Feng", "Qiu, Haibo"], year: 2019, journal: "Stem cell research & therapy",
                    doi: "10.1186/s13287-019-1447-y", pmid: "31779690", registryNumbers: ["NCT01234567"], line: 1))
        #expect(records[1].line == 20)
    }

    @Test func sixSpaceContinuation() throws {
        let record = try read(Fixture.bytes("PMID- 1\nTI  - One\n      two\n      three\n"))[0]
        #expect(record.title == "One two three")
    }

    @Test func fullAuthorNamesElseShort() throws {
        let records = try read(Fixture.bytes(Self.sample))
        #expect(records[0].authors == ["Liu, Feng", "Qiu, Haibo"])
        #expect(records[1].authors == ["Friedenstein AJ", "Chailakhyan RK"])
    }

    @Test func yearFromDP() throws {
        #expect(try read(Fixture.bytes("PMID- 1\nTI  - T\nDP  - 2021 Jan-Feb\n"))[0].year == 2021)
        #expect(try read(Fixture.bytes("PMID- 1\nTI  - T\nDP  - Spring\n"))[0].year == nil)
    }

    @Test func doiFromLIDElseAID() throws {
        let records = try read(Fixture.bytes(Self.sample))
        #expect(records[0].doi == "10.1186/s13287-019-1447-y")
        #expect(records[1].doi == "10.1097/00007890-197404000-00001")
        #expect(try read(Fixture.bytes("PMID- 1\nTI  - T\nLID - e0195891 [pii]\n"))[0].doi == nil)
    }

    @Test func journalPrefersJTOverTA() throws {
        let records = try read(Fixture.bytes(Self.sample))
        #expect(records[0].journal == "Stem cell research & therapy")
        #expect(records[1].journal == "Transplantation")
    }

    @Test func registryNumbersFromSI() throws {
        let record = try read(
            Fixture.bytes(
                "PMID- 1\nTI  - T\nSI  - ClinicalTrials.gov/NCT00114452\nSI  - ClinicalTrials.gov/nct01234567\nSI  - ISRCTN/ISRCTN123\n"
            ))[0]
        #expect(record.registryNumbers == ["NCT00114452", "NCT01234567"])
    }

    @Test func crlfBOMAndChunkBoundaries() throws {
        let plain = try read(Fixture.bytes(Self.sample))
        #expect(try read(Fixture.crlf(Self.sample)) == plain)
        #expect(try read(Fixture.bom(Self.sample)).map(\.line) == [1, 20])
        for chunk in [1, 5, 13] {
            #expect(try read(Fixture.crlf(Self.sample), chunkSize: chunk) == plain)
        }
    }

    @Test func recordsWithoutBlankLineBetween() throws {
        let records = try read(Fixture.bytes("PMID- 1\nTI  - A\nPMID- 2\nTI  - B\n\n\n"))
        #expect(records.map(\.pmid) == ["1", "2"])
        #expect(records.map(\.line) == [1, 3])
    }

    @Test func recordWithoutTitleIsKeptUntitled() throws {
        let records = try read(Fixture.bytes("PMID- 1\nTI  - A\n\nPMID- 2\nAU  - Smith J\n"))
        #expect(records.map(\.title) == ["A", ""])
        #expect(records.map(\.line) == [1, 4])
    }

    /// PubMed Central's MEDLARS layout: `PMC - ` comes before the PMID of the same record.
    @Test func pmcRecordsStartWithPMC() throws {
        let text = "\nPMC - PMC1\nPMID- 11\nTI  - A\nVI  - 5\nIP  - 2\nPG  - 283-98\n\nPMC - PMC2\nPMID- 12\nTI  - B\n"
        let records = try read(Fixture.bytes(text))
        #expect(records.map(\.pmid) == ["11", "12"])
        #expect(records.map(\.line) == [2, 9])
        #expect([records[0].volume, records[0].issue, records[0].pages] == ["5", "2", "283-98"])
    }

    @Test func registryNumbersOnlyFromSI() throws {
        let text = "PMID- 1\nTI  - A\nAB  - Unique identifier: NCT02239640.\nSI  - ClinicalTrials.gov/NCT01778335\n"
        #expect(try read(Fixture.bytes(text))[0].registryNumbers == ["NCT01778335"])
    }

    @Test func danglingTagWithoutSeparator() throws {
        let error = Fixture.importError { _ = try read(Fixture.bytes("PMID- 1\nTI  - A\nAB  Missing dash\n")) }
        #expect(
            error
                == .malformedLine(
                    file: "pubmed.nbib", line: 3, column: 5,
                    reason: "expected a MEDLINE tag line 'TAG - value' (tag up to 4 letters, '- ' in columns 5-6)"))
        #expect(error?.description.hasPrefix("pubmed.nbib:3:5: expected a MEDLINE tag line") == true)
        let cut = Fixture.importError { _ = try read(Fixture.bytes("PMID- 1\nTI  - A\nAB")) }
        #expect(
            cut
                == .malformedLine(
                    file: "pubmed.nbib", line: 3, column: 3,
                    reason: "expected a MEDLINE tag line 'TAG - value' (tag up to 4 letters, '- ' in columns 5-6)"))
    }

    @Test func truncatedMidRecordStillReadsWhatIsThere() throws {
        let records = try read(Fixture.bytes("PMID- 1\nTI  - A title\n      cut off"))
        #expect(records.map(\.title) == ["A title cut off"])
    }

    @Test func binaryGarbage() throws {
        let error = Fixture.importError { _ = try read(Fixture.bytes("PMID- 1\nTI  - A") + [0x00, 0x01] + Fixture.bytes("\n")) }
        #expect(error == .invalidText(file: "pubmed.nbib", line: 2, column: 8, reason: "NUL byte in text (binary file?)"))
    }
}
