import Foundation
import Testing

@testable import LivrevCommands

/// Progress on long work: a bar with counts and rate on a terminal's stderr, nothing otherwise.
@Suite("Progress on stderr")
struct ProgressReporterTests {
    @Test func theLineShowsTheBarTheCountsAndTheRate() {
        let progress = ProgressReporter("Looking for duplicates", unit: "records", total: 4_000, shown: false)
        progress.update(done: 1_000)
        let line = progress.line(elapsed: .seconds(2), columns: 100)
        #expect(line == "Looking for duplicates [##########..............................] 1,000 / 4,000 records  25% 500/s")
        #expect(line.count <= 100)
        let counting = ProgressReporter("Importing x.ris", unit: "records", shown: false)
        counting.advance(by: 12_345)
        #expect(counting.line(elapsed: .seconds(5), columns: 80) == "Importing x.ris 12,345 records 2,469/s")
    }

    @Test func anImportDrawsProgressOnATerminalAndNothingIntoAPipe() throws {
        let livrev = try CommandRunner()
        for line in ["init --title T", "search add --source PubMed --date 2026-01-10"] {
            try expectSuccess(livrev(line))
        }
        var ris = ""
        for i in 1...3_000 {
            ris += "TY  - JOUR\nAU  - Author\(i) A\nTI  - Synthetic record \(i) about stem cells\nPY  - 2020\nER  - \n\n"
        }
        try livrev.write("records.ris", ris)
        let piped = try livrev("import records records.ris --search 1")
        try expectSuccess(piped)
        #expect(piped.stderr.isEmpty, "nothing but results when stderr is not a terminal: \(piped.stderr)")
        let dedup = try livrev("dedup")
        #expect(dedup.stderr.isEmpty)

        let terminal = try PseudoTerminal(["import", "records", "records.ris", "--search", "1"], in: livrev)
        #expect(try terminal.exitStatus() == 0)
        #expect(terminal.output.contains("Importing records.ris "))
        #expect(terminal.output.contains(" records "))
        #expect(terminal.output.contains("\u{1B}[2K"), "the progress line is cleared when the work is done")
        #expect(terminal.output.contains("Imported 3000 records"))
    }
}
