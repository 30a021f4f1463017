import Foundation
import Testing

/// `import records` keeps every field, says what it stored, and `records show/export` give it back.
@Suite("Records show and export")
struct RecordsExportTests {
    static let ris = """
        TY  - JOUR
        TI  - Mesenchymal stromal cells in ARDS: <i>a</i> randomised trial
        AU  - Matthay, Michael A.
        AU  - Calfee, C. S.
        PY  - 2019
        T2  - Lancet Respir Med
        VL  - 7
        IS  - 2
        SP  - 154
        EP  - 162
        DO  - https://doi.org/10.1016/S2213-2600(18)30418-1
        AN  - 30455077
        DB  - MEDLINE
        AN  - NCT02097641
        KW  - ARDS
        KW  - cell therapy
        AB  - <p>Background: MSCs &amp; ARDS.</p>
        ER  - 

        TY  - JOUR
        AU  - Nobody N
        PY  - 2020
        ER  - 

        """

    private func registry() throws -> CommandRunner {
        let livrev = try CommandRunner()
        for line in ["init --title T", "search add --source PubMed --date 2026-01-10"] { try expectSuccess(livrev(line)) }
        return livrev
    }

    private func array(_ result: CommandRunner.Result) throws -> [[String: Any]] {
        try #require(
            JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], Comment(rawValue: result.stdout))
    }

    @Test func importSaysWhatItStoredAndKeepsTheUntitledRecord() throws {
        let livrev = try registry()
        try livrev.write("refs.txt", Self.ris)
        let result = try livrev("import records refs.txt")
        try expectSuccess(result)
        #expect(
            result.stdout
                == "Imported 2 records from refs.txt into search 1 (PubMed)\n  1 with a DOI, 1 with a PMID, 1 with an abstract\n")
        #expect(
            result.stderr
                == "note: this file is RIS; it was named .txt\nwarning: refs.txt:20: record has no title; imported as untitled\n")
        let shown = try json(livrev("records show 1 --format json"))
        #expect(shown["title"] as? String == "Mesenchymal stromal cells in ARDS: <i>a</i> randomised trial")
        #expect(shown["authors"] as? [String] == ["Matthay, Michael A.", "Calfee, C. S."])
        #expect(shown["year"] as? Int == 2019)
        #expect(shown["journal"] as? String == "Lancet Respir Med")
        #expect([shown["volume"], shown["issue"], shown["pages"]].map { $0 as? String } == ["7", "2", "154-162"])
        #expect(shown["doi"] as? String == "10.1016/s2213-2600(18)30418-1")
        #expect(shown["pmid"] as? String == "30455077")
        #expect(shown["registry_ids"] as? [String] == ["NCT02097641"])
        #expect(shown["keywords"] as? [String] == ["ARDS", "cell therapy"])
        #expect(shown["abstract"] as? String == "<p>Background: MSCs &amp; ARDS.</p>")
        #expect(shown["source_format"] as? String == "ris")
        #expect(shown["search"] as? Int == 1)
        #expect(shown["duplicate_of"] is NSNull)
        #expect(shown["status"] as? String == "awaiting-title-abstract")
        #expect(try json(livrev("records show 2 --format json"))["title"] is NSNull)
        let text = try livrev("records show 1")
        #expect(text.stdout.contains("Background: MSCs & ARDS."), "HTML in an abstract is shown as text")
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(try livrev("records show 9").status == 69)
    }

    @Test func exportedRISImportsToTheSameFields() throws {
        let livrev = try registry()
        try livrev.write("refs.ris", Self.ris)
        try expectSuccess(livrev("import records refs.ris"))
        let exported = try livrev("records export --format ris")
        try expectSuccess(exported)
        try livrev.write("back.ris", exported.stdout)
        for line in ["init --title U --db u.livrev", "search add --source Again --date 2026-01-11 --db u.livrev"] {
            try expectSuccess(livrev(line))
        }
        try expectSuccess(livrev("import records back.ris --db u.livrev"))
        let before = try array(livrev("records export --format json"))
        let after = try array(livrev("records export --format json --db u.livrev"))
        #expect(before.count == 2 && after.count == 2)
        for (old, new) in zip(before, after) {
            for field in [
                "title", "abstract", "authors", "year", "journal", "volume", "issue", "pages", "doi", "pmid",
                "registry_ids", "keywords", "source_format", "status",
            ] {
                #expect(
                    String(describing: old[field] ?? "missing") == String(describing: new[field] ?? "missing"),
                    "field \(field)")
            }
        }
    }

    @Test func exportByStatusAndAsCSV() throws {
        let livrev = try registry()
        try livrev.write("refs.ris", Self.ris)
        try expectSuccess(livrev("import records refs.ris"))
        let copy =
            "TY  - JOUR\nTI  - Mesenchymal stromal cells in ARDS: a randomised trial\nDO  - 10.1016/S2213-2600(18)30418-1\nER  - \n"
        try livrev.write("dup.ris", copy + "TY  - JOUR\nTI  - =cmd|' /C calc'!A0\nER  - \n")
        try expectSuccess(livrev("import records dup.ris"))
        let dry = try array(livrev("dedup --dry-run --format json"))
        #expect(dry.count == 1)
        #expect(dry.first?["record"] as? Int == 3 && dry.first?["duplicate_of"] as? Int == 1)
        #expect(dry.first?["reason"] as? String == "same DOI 10.1016/s2213-2600(18)30418-1")
        #expect(dry.first?["score"] as? Double ?? 0 > 0.95)
        try expectSuccess(livrev("dedup"))
        try expectSuccess(livrev("dedup --undo 3"))
        #expect(try array(livrev("dedup --dry-run --format json")).isEmpty, "an undone mark is not made again")
        try expectSuccess(livrev("dedup"))
        let duplicates = try array(livrev("records export --format json --status duplicate"))
        #expect(duplicates.isEmpty)
        #expect(try array(livrev("records export --format json --status awaiting-title-abstract")).count == 4)
        let csv = try livrev("records export --format csv").stdout
        #expect(
            csv.hasPrefix(
                "id,title,abstract,authors,year,journal,volume,issue,pages,doi,pmid,registry_ids,keywords,search,source_format,duplicate_of,status\n"
            ))
        #expect(csv.contains("'=cmd"), "a formula cell is neutralised")
    }
}
