import Foundation
import Testing

/// A whole dual-screening round through the built binary, with counts worked out by hand.
@Suite("A screening round, end to end")
struct ScreeningRoundTests {
    static let medline = """
        PMID- 1001
        TI  - Intravenous mesenchymal stromal cells after acute myocardial infarction: a
              randomized trial
        FAU - Hare, Joshua M
        AU  - Hare JM
        DP  - 2009 Dec 8
        LID - 10.1016/j.jacc.2009.06.055 [doi]
        AB  - Adverse events were similar in both arms.
        JT  - Journal of the American College of Cardiology

        PMID- 1002
        TI  - Stem cells in ischemic stroke: long-term follow-up of a randomized trial.
        FAU - Lee, Jin Soo
        DP  - 2010
        JT  - Stem Cells

        PMID- 1003
        TI  - Mesenchymal cells for knee cartilage in dogs
        FAU - Vet, Anna
        DP  - 2015

        PMID- 1004
        TI  - Umbilical cord MSCs in liver cirrhosis: a pilot trial
        FAU - Shi, Ming
        DP  - 2012
        SI  - ClinicalTrials.gov/NCT01220492

        """

    /// CRLF line ends, a BOM and a header line before the first record, as Reference Manager writes them.
    static let ris =
        "\u{FEFF}"
            + """
            Reference Manager export

            TY  - JOUR
            AU  - Hare, J.
            TI  - Intravenous mesenchymal stromal cells after acute myocardial infarction: a randomized trial
            PY  - 2009
            DO  - https://doi.org/10.1016/J.JACC.2009.06.055
            ER  - 

            TY  - JOUR
            AU  - Lee JS
            T1  - STEM CELLS IN ISCHEMIC STROKE — Long-term follow-up of a randomized trial
            Y1  - 2010///
            ER  - 

            TY  - JOUR
            AU  - Nobody N
            TI  - Cell therapy economics
            PY  - 2018
            ER  - 

            TY  - JOUR
            AU  - Weiss DJ
            TI  - A placebo-controlled trial of mesenchymal stromal cells in COPD
            PY  - 2013
            ER  - 

            """.replacingOccurrences(of: "\n", with: "\r\n")

    static let registerCSV = #"""
        title,authors,year,doi
        "Allogeneic MSCs for ARDS, a phase 2 trial",Matthay M,2019,
        "Stem cells for ""long COVID""",Smith J,2022,

        """#

    @Test func countsAndAgreementComeOutAsWorkedByHand() throws {
        let livrev = try CommandRunner()
        for line in [
            "init --title MSC", "reviewer add ana", "reviewer add ben", "reviewer add cy --role arbiter",
            "search add --source PubMed --date 2026-01-10", "search add --source Embase --date 2026-01-10",
            "search add --source CT.gov --date 2026-01-11 --register",
        ] {
            try expectSuccess(livrev(line))
        }
        try livrev.write("pubmed.nbib", Self.medline)
        try livrev.write("embase.ris", Self.ris)
        try livrev.write("ctgov.csv", Self.registerCSV)
        try expectSuccess(livrev("import records pubmed.nbib --search 1"))  // records 1–4
        try expectSuccess(livrev("import records embase.ris --search 2"))  // 5–8
        try expectSuccess(livrev("import records ctgov.csv --search 3"))  // 9–10
        let dedup = try livrev("dedup")
        #expect(dedup.stdout.contains("Marked 2 duplicates"))  // 5 = 1 by DOI, 6 = 2 by title

        // Title-abstract: (ana, ben) per record; 2 and 10 are conflicts.
        let votes: [(Int, String, String)] = [
            (1, "include", "include"), (2, "include", "exclude"), (3, "exclude", "exclude"),
            (4, "maybe", "include"), (7, "exclude", "exclude"), (8, "include", "include"),
            (9, "include", "maybe"), (10, "exclude", "include"),
        ]
        for (record, ana, ben) in votes {
            try expectSuccess(livrev("screen decide \(record) \(ana) --stage title-abstract --as ana"))
            try expectSuccess(livrev("screen decide \(record) \(ben) --stage title-abstract --as ben"))
        }
        let conflicts = try livrev("conflicts --stage title-abstract --format json")
        #expect(conflicts.stdout.contains("\"record\": 2") && conflicts.stdout.contains("\"record\": 10"))

        // A full-text decision before the title-abstract conflict is resolved is refused (77), and changes nothing.
        let before = try livrev.logicalDump()
        let early = try livrev("screen decide 2 include --stage full-text --as ana")
        #expect(early.status == 77)
        #expect(early.stderr == "Error: record 2 cannot be screened at full text: its title-abstract conflict is not resolved\n")
        #expect(try livrev.logicalDump() == before)

        try expectSuccess(livrev("resolve 2 include --stage title-abstract --as cy"))
        try expectSuccess(livrev("resolve 10 exclude --stage title-abstract --as ben --consensus --with ana"))

        // κ over the 8 records both decided: p_o = 4/8, p_e = (4·4 + 3·3 + 1·1)/64, κ = 3/19; PABAK (3 categories) = 0.25.
        let agreement = try json(livrev("agreement --stage title-abstract --format json"))
        #expect(agreement["records"] as? Int == 8)
        #expect(abs((agreement["agreement"] as? Double ?? 0) - 0.5) < 1e-12)
        #expect(abs((agreement["kappa"] as? Double ?? 0) - 3.0 / 19.0) < 1e-12)
        #expect(abs((agreement["pabak"] as? Double ?? 0) - 0.25) < 1e-12)

        // Full text: 9 not retrieved; 2 is a conflict the arbiter includes; 4 excluded by both.
        try expectSuccess(livrev.run(["retrieve", "9", "--not-retrieved", "--reason", "no access"]))
        for (record, ana, ben) in [
            (1, "include", "include"), (2, "include", "exclude"), (4, "exclude", "exclude"), (8, "include", "include"),
        ] {
            for (reviewer, decision) in [("ana", ana), ("ben", ben)] {
                var arguments = ["screen", "decide", String(record), decision, "--stage", "full-text", "--as", reviewer]
                if decision == "exclude" { arguments += ["--reason", record == 2 ? "wrong comparator" : "wrong population"] }
                try expectSuccess(livrev.run(arguments))
            }
        }
        try expectSuccess(livrev("resolve 2 include --stage full-text --as cy"))
        try expectSuccess(livrev.run(["study", "add", "Hare 2009", "--record", "1", "2"]))  // one study, two reports
        try expectSuccess(livrev.run(["study", "add", "Weiss 2013", "--record", "8"]))

        let prisma = try json(livrev("prisma --format json"))
        let identification = prisma["identification"] as? [String: [String: Int]]
        #expect(identification?["databases"] == ["PubMed": 4, "Embase": 4])
        #expect(identification?["registers"] == ["CT.gov": 2])
        #expect(prisma["duplicates_removed"] as? Int == 2)
        #expect(prisma["records_screened"] as? Int == 8)
        #expect(prisma["records_excluded"] as? Int == 3)
        #expect(prisma["reports_sought"] as? Int == 5)
        #expect(prisma["reports_not_retrieved"] as? Int == 1)
        #expect(prisma["reports_assessed"] as? Int == 4)
        #expect(prisma["reports_excluded"] as? [String: Int] == ["wrong population": 1])
        #expect(prisma["studies_included"] as? Int == 2)
        #expect(prisma["reports_included"] as? Int == 3)
        #expect(prisma["previous"] is NSNull)
        #expect((prisma["pending"] as? [String: Int])?.values.allSatisfy { $0 == 0 } == true)

        let text = try livrev("prisma")
        #expect(text.stdout.contains("│ Records screened"))
        #expect(text.stdout.contains("wrong population (n = 1)"))
    }

    @Test func screenNextShowsNothingOfTheOtherReviewersVote() throws {
        let livrev = try CommandRunner()
        for line in ["init --title T", "reviewer add ana", "reviewer add ben", "search add --source PubMed --date 2026-01-10"] {
            try expectSuccess(livrev(line))
        }
        try livrev.write("p.nbib", Self.medline)
        try expectSuccess(livrev("import records p.nbib"))
        try expectSuccess(livrev("screen decide 1 exclude --stage title-abstract --as ana"))
        let next = try livrev("screen next --stage title-abstract --as ben")
        #expect(next.status == 0)
        #expect(next.stdout.hasPrefix("Record 1\n"))
        #expect(!next.stdout.contains("ana") && !next.stdout.lowercased().contains("exclude "))
        let mine = try livrev("screen next --stage title-abstract --as ana")
        #expect(mine.stdout.hasPrefix("Record 2\n"))
    }
}

/// Fails the test with the command's stderr when it did not succeed.
func expectSuccess(_ result: CommandRunner.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(result.status == 0, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
}

/// The command's stdout parsed as a JSON object.
func json(_ result: CommandRunner.Result) throws -> [String: Any] {
    try #require(
        JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "not a JSON object: \(result.stdout)")
}
