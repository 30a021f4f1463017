import Foundation
import Testing

/// What a reviewer reaches for: undo, skip, notes, the review's reasons, unlink, data row ids, help.
@Suite("Reviewer tools")
struct ReviewerToolsTests {
    private func registry() throws -> CommandRunner {
        let livrev = try CommandRunner()
        for line in [
            "init --title T --extraction single", "reviewer add ana", "reviewer add ben", "reviewer add cy --role arbiter",
            "search add --source PubMed --date 2026-01-10",
        ] {
            try expectSuccess(livrev(line))
        }
        try livrev.write("pubmed.nbib", KeyboardScreenerTests.medline)
        try expectSuccess(livrev("import records pubmed.nbib --search 1"))
        return livrev
    }

    @Test func undoWithdrawsADecisionAsANewFactAndTheRecordWaitsAgain() throws {
        let livrev = try registry()
        for line in [
            "screen decide 1 include --stage title-abstract --as ana", "screen decide 1 include --stage title-abstract --as ben",
        ] {
            try expectSuccess(livrev(line))
        }
        #expect(try json(livrev("prisma --format json"))["records_screened"] as? Int == 1)
        let undo = try livrev("screen undo --stage title-abstract --as ben")
        try expectSuccess(undo)
        #expect(undo.stdout.contains("Withdrew ben's title-abstract decision on record 1"))
        #expect(try json(livrev("prisma --format json"))["records_screened"] as? Int == 0)
        #expect(try livrev("screen next --stage title-abstract --as ben").stdout.hasPrefix("Record 1"))
        // History keeps both: the decision and its withdrawal are revisions of the log.
        let log = try livrev("log --format json").stdout
        #expect(log.contains("screen decide 1 include --stage title-abstract --as ben"))
        #expect(log.contains("screen undo --stage title-abstract --as ben"))
        // Nothing left to withdraw: a clear refusal, and the registry is unchanged.
        let before = try livrev.logicalDump()
        let again = try livrev("screen undo 1 --stage title-abstract --as ben")
        #expect(again.status == 69)
        #expect(again.stderr.contains("ben has no title-abstract decision on record 1 to withdraw"))
        #expect(try livrev.logicalDump() == before)
        try expectSuccess(livrev("verify"))
    }

    @Test func undoOfATitleAbstractVoteWaitsUntilTheFullTextVotesAreWithdrawn() throws {
        let livrev = try registry()
        for line in [
            "screen decide 1 include --stage title-abstract --as ana", "screen decide 1 include --stage title-abstract --as ben",
            "screen decide 1 include --stage full-text --as ana",
        ] {
            try expectSuccess(livrev(line))
        }
        let refused = try livrev("screen undo 1 --stage title-abstract --as ana")
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("already has full-text decisions"))
        try expectSuccess(livrev("screen undo 1 --stage full-text --as ana"))
        try expectSuccess(livrev("screen undo 1 --stage title-abstract --as ana"))
    }

    @Test func nextSkipsTheRecordsGiven() throws {
        let livrev = try registry()
        #expect(try livrev("screen next --stage title-abstract --as ana --skip 1").stdout.hasPrefix("Record 2"))
        #expect(try livrev("screen next --stage title-abstract --as ana --skip 1 2").stdout.hasPrefix("Record 3"))
        #expect(try livrev("screen next --stage title-abstract --as ana --skip 1 2 3").stdout.hasPrefix("Nothing left"))
    }

    @Test func theReviewsReasonsAreOfferedAndAFullTextExclusionMustGiveOne() throws {
        let livrev = try registry()
        try expectSuccess(livrev.run(["reasons", "add", "wrong population", "wrong comparator", "not randomized"]))
        for line in [
            "screen decide 1 include --stage title-abstract --as ana", "screen decide 1 include --stage title-abstract --as ben",
            "screen decide 2 include --stage title-abstract --as ana", "screen decide 2 include --stage title-abstract --as ben",
        ] {
            try expectSuccess(livrev(line))
        }
        let next = try livrev("screen next --stage full-text --as ana")
        #expect(next.stdout.contains("Reasons: 1 wrong population; 2 wrong comparator; 3 not randomized"))
        // By number, or by its words in any case: stored as the list spells it.
        try expectSuccess(livrev("screen decide 1 exclude --stage full-text --as ana --reason 3"))
        try expectSuccess(
            livrev.run(["screen", "decide", "1", "exclude", "--stage", "full-text", "--as", "ben", "--reason", "Not Randomized"]))
        let unknown = try livrev.run([
            "screen", "decide", "2", "exclude", "--stage", "full-text", "--as", "ana", "--reason", "animals",
        ])
        #expect(unknown.status == 69)
        #expect(unknown.stderr.contains("'animals' is not one of the review's exclusion reasons: 1 wrong population"))
        let prisma = try json(livrev("prisma --format json"))
        #expect((prisma["reports_excluded"] as? [String: Int]) == ["not randomized": 1])
        #expect(try livrev("reasons list").stdout.contains("3  not randomized"))
    }

    @Test func notesAreReadByTheirAuthorAndTheArbiterOnly() throws {
        let livrev = try registry()
        try expectSuccess(livrev.run(["note", "add", "2", "animal study: exclude", "--as", "ana"]))
        #expect(try livrev("note list --as ana").stdout.contains("animal study: exclude"))
        #expect(try livrev("note list --as ben").stdout.contains("No notes"))
        #expect(try livrev("note list 2 --as cy").stdout.contains("animal study: exclude"))
        #expect(!(try livrev("log --format json").stdout.contains("animal")))
    }

    @Test func unlinkTakesAReportOffItsStudyAndKeepsHistory() throws {
        let livrev = try registry()
        try expectSuccess(livrev.run(["study", "add", "Hare 2009", "--record", "1", "3"]))
        let unlink = try livrev("study unlink 3")
        try expectSuccess(unlink)
        #expect(unlink.stdout == "Unlinked record 3 from Hare 2009\n")
        #expect(try livrev("study list").stdout.contains("Hare 2009        1"))
        #expect(try livrev("study unlink 3").status == 69)
        #expect(try livrev("study unlink 99").status == 69)
    }

    @Test func dataListShowsTheRowIdsThatRetractTakes() throws {
        let livrev = try registry()
        try livrev.write(
            "ae.csv",
            """
            study,outcome,events_t,n_t,events_c,n_c
            Hare 2009,General disorders and administration site conditions,3,40,1,38
            Lee 2010,General disorders and administration site conditions,0,20,2,21

            """)
        try expectSuccess(livrev("data import ae.csv"))
        let list = try livrev("data list")
        #expect(list.stdout.contains("  1  Hare 2009"))
        #expect(list.stdout.contains("3/40 vs 1/38"))
        #expect(list.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        try expectSuccess(livrev("data retract 2"))
        #expect(!(try livrev("data list").stdout.contains("Lee 2010")))
    }

    @Test func helpTopicsExplainTheConceptsAndHelpStillShowsCommands() throws {
        let livrev = try registry()
        let index = try livrev("help")
        for topic in ["revisions", "blinding", "prisma", "screening", "living"] {
            #expect(index.stdout.contains("  \(topic) "))
            let page = try livrev("help \(topic)")
            try expectSuccess(page)
            #expect(page.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "help \(topic) is too wide")
        }
        #expect(try livrev("help snapshots").stdout.hasPrefix("Revisions and snapshots"))
        #expect(try livrev("help screen undo").stdout.contains("USAGE: livrev screen undo"))
        #expect(try livrev("help nonsense").status == 64)
    }
}
