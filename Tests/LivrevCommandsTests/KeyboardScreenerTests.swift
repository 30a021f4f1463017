import Foundation
import Testing

/// `livrev screen --stage S --as R` at the keyboard, driven through a pseudo-terminal.
@Suite("The keyboard screener", .serialized)
struct KeyboardScreenerTests {
    static let medline = """
        PMID- 2001
        TI  - Intravenous mesenchymal stromal cells after myocardial infarction: a randomized,
              placebo-controlled trial
        FAU - Hare, Joshua M
        DP  - 2009
        JT  - Journal of the American College of Cardiology
        AB  - Fifty-three patients were randomized to cells or placebo. Adverse events were similar in both \
        arms over twelve months of follow-up, and no arrhythmia was attributed to the infusion of the cells.

        PMID- 2002
        TI  - Stem cells after stroke in rats
        FAU - Lee, Jin Soo
        DP  - 2010
        AB  - Rats received cells after occlusion of the middle cerebral artery.

        PMID- 2003
        TI  - Umbilical cord cells in liver cirrhosis: a pilot trial
        FAU - Shi, Ming
        DP  - 2012

        """

    private func registry() throws -> CommandRunner {
        let livrev = try CommandRunner()
        for line in [
            "init --title T", "reviewer add ana", "reviewer add ben", "search add --source PubMed --date 2026-01-10",
            "terms add include randomi* placebo", "terms add exclude rats",
        ] {
            try expectSuccess(livrev(line))
        }
        try livrev.write("pubmed.nbib", Self.medline)
        try expectSuccess(livrev("import records pubmed.nbib --search 1"))
        return livrev
    }

    @Test func eachKeyIsOneDecisionWrittenAtOnceAndUndoWithdrawsTheLast() throws {
        let livrev = try registry()
        try expectSuccess(livrev("screen decide 1 exclude --stage title-abstract --as ben"))
        let screen = try PseudoTerminal(["screen", "--stage", "title-abstract", "--as", "ana"], in: livrev, columns: 80)
        let first = try screen.waitFor("0 of 3 · 0 included · 0 conflicts")
        // The card: title wrapped to the terminal, include terms green, exclude terms red, nothing of ben's vote.
        try screen.waitFor("randomized", since: first.startIndex)
        #expect(screen.output.contains("\u{1B}[1;32mrandomized\u{1B}[0m"))
        #expect(screen.output.contains("\u{1B}[1;32mplacebo"))
        #expect(!screen.output.contains("exclude on record 1"))
        #expect(!PseudoTerminal.plain(screen.output).contains("ben"))

        var mark = screen.mark
        screen.type("i")
        try screen.waitFor("Recorded include on record 1.", since: mark)
        // Written at once: another process sees it while the screener is still open; the conflict shows.
        let log = try livrev("log --format json")
        #expect(log.stdout.contains("livrev screen decide 1 include --stage title-abstract --as ana"))
        let screenOfRecord2 = try screen.waitFor("Record 2", since: mark)
        #expect(screenOfRecord2.contains("\u{1B}[1;31mrats\u{1B}[0m"))
        #expect(screenOfRecord2.contains("1 of 3 · 1 included · 1 conflict"))

        mark = screen.mark
        screen.type("e")
        try screen.waitFor("Recorded exclude on record 2.", since: mark)
        mark = screen.mark
        screen.type("u")
        let undone = try screen.waitFor("Withdrew your exclude on record 2", since: mark)
        #expect(undone.contains("Record 2"))
        #expect(try livrev("screen next --stage title-abstract --as ana").stdout.hasPrefix("Record 2"))

        mark = screen.mark
        screen.type("s")
        try screen.waitFor("Record 3", since: mark)
        mark = screen.mark
        screen.type("n")
        try screen.waitFor("Note on record 3", since: mark)
        screen.type("pilot, no control arm?\r")
        try screen.waitFor("Note added to record 3.", since: mark)
        mark = screen.mark
        screen.type("q")
        #expect(try screen.exitStatus() == 0)
        #expect(screen.output[mark...].contains("Recorded 1 title-abstract decision this session."))
        #expect(screen.isInLineMode)
        // Nothing drawn is wider than the terminal.
        let drawn = PseudoTerminal.plain(screen.output.replacingOccurrences(of: "\u{1B}[H\u{1B}[2J", with: "\n"))
        let lines = drawn.unicodeScalars.split { $0 == "\n" || $0 == "\r" }.map { String(String.UnicodeScalarView($0)) }
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(try livrev("note list --as ana").stdout.contains("pilot, no control arm?"))
        #expect(try livrev("note list --as ben").stdout.contains("No notes"))
        #expect(!(try livrev("log --format json").stdout.contains("pilot")))
    }

    @Test func aKilledScreenerLosesNothingAndATerminatedOneRestoresTheTerminal() throws {
        let livrev = try registry()
        let screen = try PseudoTerminal(["screen", "--stage", "title-abstract", "--as", "ana"], in: livrev)
        try screen.waitFor("Record 1")
        let mark = screen.mark
        screen.type("m")
        try screen.waitFor("Recorded maybe on record 1.", since: mark)
        #expect(!screen.isInLineMode)
        screen.process.terminate()  // SIGTERM
        _ = try screen.exitStatus()
        #expect(screen.isInLineMode)
        #expect(try livrev("screen next --stage title-abstract --as ana").stdout.hasPrefix("Record 2"))

        let again = try PseudoTerminal(["screen", "--stage", "title-abstract", "--as", "ana"], in: livrev)
        try again.waitFor("1 of 3 · 1 included")
        let second = again.mark
        again.type("e")
        try again.waitFor("Recorded exclude on record 2.", since: second)
        kill(again.process.processIdentifier, SIGKILL)
        _ = try again.exitStatus()
        #expect(try livrev("screen next --stage title-abstract --as ana").stdout.hasPrefix("Record 3"))
    }

    @Test func withoutATerminalItSaysWhatToUseInstead() throws {
        let livrev = try registry()
        let result = try livrev("screen --stage title-abstract --as ana")
        #expect(result.status == 64)
        #expect(result.stderr.contains("needs a terminal"))
    }
}
