import Foundation
import Testing

/// Agreement cannot be gamed, a consensus names both reviewers, one study is one study however it
/// is spelt, and what cannot be counted is refused or reported, through the built binary.
@Suite("Review rules that keep the numbers honest")
struct ReviewRulesTests {
    static func registry(records: Int) throws -> CommandRunner {
        let livrev = try CommandRunner()
        let rows = (1...records).map { "Trial number \($0),\(2000 + $0),10.1/\($0)" }.joined(separator: "\n")
        try livrev.write("records.csv", "title,year,doi\n\(rows)\n")
        for line in [
            "init --title Rules --extraction single", "reviewer add ana", "reviewer add ben", "reviewer add cy --role arbiter",
            "search add --source PubMed --date 2026-01-01", "import records records.csv --search 1",
        ] {
            let result = try livrev(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return livrev
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func agreementUsesFirstDecisionsAndCountsVotesChangedAfterTheConflictShowed() throws {
        let livrev = try Self.registry(records: 4)
        for line in [
            // 1 and 2 agree; 3 and 4 disagree at first.
            "screen decide 1 include --stage title-abstract --as ana", "screen decide 1 include --stage title-abstract --as ben",
            "screen decide 2 exclude --stage title-abstract --as ana", "screen decide 2 exclude --stage title-abstract --as ben",
            "screen decide 3 include --stage title-abstract --as ana", "screen decide 3 exclude --stage title-abstract --as ben",
            "screen decide 4 exclude --stage title-abstract --as ana", "screen decide 4 include --stage title-abstract --as ben",
        ] { try #require(try livrev(line).status == 0) }
        let before = try Self.json(livrev("agreement --stage title-abstract --format json").stdout)
        // Ben sees the conflict on 3 and gives in: the outcome changes, the agreement does not.
        try #require(try livrev("screen decide 3 include --stage title-abstract --as ben").status == 0)
        let after = try Self.json(livrev("agreement --stage title-abstract --format json").stdout)
        // Two of four agree: p_o = 0.5; first decisions (include, exclude, include, exclude) vs
        // (include, exclude, exclude, include): p_e = 0.5, κ = 0.
        #expect(before["agreement"] as? Double == 0.5 && after["agreement"] as? Double == 0.5)
        #expect(before["kappa"] as? Double == 0 && after["kappa"] as? Double == 0)
        #expect(before["changed_after_conflict"] as? Int == 0)
        #expect(after["changed_after_conflict"] as? Int == 1)
        #expect(try livrev("conflicts --stage title-abstract --format json").stdout.contains("\"record\": 4"))
        #expect(!(try livrev("conflicts --stage title-abstract --format json").stdout.contains("\"record\": 3")))
        #expect(try livrev("agreement --stage title-abstract").stdout.contains("1 record(s) had a vote changed"))
    }

    @Test func aConsensusNamesBothReviewersAndRecordsBoth() throws {
        let livrev = try Self.registry(records: 1)
        for line in [
            "screen decide 1 include --stage title-abstract --as ana", "screen decide 1 exclude --stage title-abstract --as ben",
        ] { try #require(try livrev(line).status == 0) }
        let before = try livrev.logicalDump()
        let alone = try livrev("resolve 1 include --stage title-abstract --as ana --consensus")
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("--with OTHER"))
        #expect(try livrev("resolve 1 include --stage title-abstract --as ana --consensus --with cy").status == 77)
        #expect(try livrev("resolve 1 include --stage title-abstract --as ana --consensus --with nobody").status == 69)
        #expect(try livrev("resolve 1 include --stage title-abstract --as cy --with ana").status == 64)
        #expect(try livrev.logicalDump() == before)
        let agreed = try livrev("resolve 1 include --stage title-abstract --as ana --consensus --with ben")
        #expect(agreed.status == 0, "\(agreed.stderr)")
        let dump = try livrev.logicalDump()
        #expect(dump.contains("text(\"resolution\")|integer(1)|integer(2)"), "ben (reviewer 2) is recorded as the partner")
        #expect(try livrev("verify").status == 0)
        #expect(try livrev("log").stdout.contains("--consensus --with ben"))
    }

    @Test func studyKeysAreOneStudyAfterNormalisingCaseAndSpaces() throws {
        let livrev = try CommandRunner()
        try livrev.write(
            "data.csv",
            "study,outcome,events_t,n_t,events_c,n_c\nHare 2009,AE,1,10,2,10\nhare  2009,AE,2,12,3,11\nHARE 2009,Fever,1,10,1,10\n"
        )
        for line in ["init --title Keys --extraction single", "reviewer add ana", "study add Hare~2009"] {
            #expect(try livrev.run(line.split(separator: " ").map { $0.replacingOccurrences(of: "~", with: " ") }).status == 0)
        }
        let duplicate = try livrev.run(["study", "add", "ＨＡＲＥ\u{3000}2009"])  // full-width letters and space (NFKC)
        #expect(duplicate.status == 65)
        #expect(duplicate.stderr.contains("study 'Hare 2009' already exists"), "\(duplicate.stderr)")
        let imported = try livrev("data import data.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        let studies = try livrev("study list --format json").stdout
        #expect(studies.components(separatedBy: "\"Hare 2009\"").count == 2, "one study, first spelling: \(studies)")
        #expect(!studies.contains("hare  2009") && !studies.contains("HARE 2009"))
        let pooled = try livrev("pool --outcome AE --format json").stdout
        #expect(pooled.components(separatedBy: "\"study\": \"Hare 2009\"").count == 3, "both rows under the one key")
        #expect(try livrev.run(["rob", "set", "hare 2009", "D1", "low", "--as", "ana"]).status == 0)
    }

    @Test func checkReportsDataOutsideTheReviewAndIncludedStudiesWithoutData() throws {
        let livrev = try Self.registry(records: 2)
        try livrev.write("data.csv", "study,outcome,events_t,n_t,events_c,n_c\nTrial A,AE,1,10,2,10\nStray 2020,AE,2,12,3,11\n")
        for line in [
            "screen decide 1 include --stage title-abstract --as ana", "screen decide 1 include --stage title-abstract --as ben",
            "screen decide 1 include --stage full-text --as ana", "screen decide 1 include --stage full-text --as ben",
            "screen decide 2 include --stage title-abstract --as ana", "screen decide 2 include --stage title-abstract --as ben",
            "screen decide 2 include --stage full-text --as ana", "screen decide 2 include --stage full-text --as ben",
            "data import data.csv",
        ] { try #require(try livrev(line).status == 0, "\(line)") }
        #expect(try livrev.run(["study", "link", "Trial A", "1"]).status == 0)
        #expect(try livrev.run(["study", "add", "Quiet 2019", "--record", "2"]).status == 0)
        let check = try livrev("check --format json").stdout
        #expect(check.contains("\"data-outside-review\""), "\(check)")
        #expect(check.contains("Stray 2020 has outcome data but no included report"))
        #expect(check.contains("\"study-without-data\"") && check.contains("Quiet 2019 is included but has no outcome rows"))
        #expect(!check.contains("Trial A has outcome data"))
    }

    @Test func onlyRecordsThatCanReportAStudyAreLinkedAndNotRetrievedFullTextsAreNotVotedOn() throws {
        let livrev = try Self.registry(records: 4)
        try livrev.write("again.csv", "title,year,doi\nTrial number 2,2002,10.1/2\n")
        for line in [
            "screen decide 1 exclude --stage title-abstract --as ana", "screen decide 1 exclude --stage title-abstract --as ben",
            "import records again.csv --search 1", "dedup",
            "screen decide 3 include --stage title-abstract --as ana", "screen decide 3 include --stage title-abstract --as ben",
            "retrieve 3 --not-retrieved --reason paywall", "study add Trial~B",
        ] {
            try #require(
                try livrev.run(line.split(separator: " ").map { $0.replacingOccurrences(of: "~", with: " ") }).status == 0)
        }
        let before = try livrev.logicalDump()
        let excluded = try livrev.run(["study", "link", "Trial B", "1"])
        #expect(excluded.status == 77)
        #expect(excluded.stderr == "Error: record 1 cannot report a study: it was excluded\n")
        #expect(try livrev.run(["study", "add", "Trial C", "--record", "1"]).status == 77)
        let duplicate = try livrev.run(["study", "link", "Trial B", "5"])
        #expect(duplicate.status == 77)
        #expect(duplicate.stderr == "Error: record 5 cannot report a study: it is marked a duplicate of record 2\n")
        let vote = try livrev("screen decide 3 include --stage full-text --as ana")
        #expect(vote.status == 77)
        #expect(vote.stderr.contains("marked not retrieved"), "\(vote.stderr)")
        #expect(try livrev.logicalDump() == before)
        #expect(try livrev("retrieve 3 --retrieved").status == 0)
        #expect(try livrev("screen decide 3 include --stage full-text --as ana").status == 0)
    }
}
