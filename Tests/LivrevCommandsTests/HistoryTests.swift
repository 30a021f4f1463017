import Foundation
import LivrevStore
import Testing

/// History is the database: every read "as of" a snapshot answers byte for byte as it did then,
/// stored results are checked, hand edits are found, and a newer file is refused.
@Suite("History")
struct HistoryTests {
    /// Every reading command, as a user would run it with --at.
    static let reads: [[String]] = [
        ["prisma"], ["prisma", "--format", "json"], ["pool", "--all"], ["pool", "--all", "--format", "json"],
        ["pool", "--outcome", "Infections and infestations"], ["cumulative", "--outcome", "SAEs deaths"],
        ["records", "list", "--format", "csv"], ["conflicts", "--stage", "title-abstract"],
        ["agreement", "--stage", "title-abstract"], ["study", "list"], ["rob", "summary"], ["check"], ["log"],
        ["outcome", "list"], ["snapshot", "list"],
    ]

    @Test func everyReadAtASnapshotIsByteIdenticalAfterMoreHistory() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev.run(["demo", "--db", livrev.registryPath]))
        let before = try Self.reads.map { try livrev.run($0 + ["--at", "published-2025"]) }
        for result in before { try expectSuccess(result) }
        // A year of living (the demo's screeners ana and ben go on): a new search, screening, a new trial's data, a correction, a retraction.
        try livrev.write("new.ris", "TY  - JOUR\nTI  - A new MSC trial\nAU  - New A\nPY  - 2026\nER  - \n")
        try livrev.write("new.csv", "study,outcome,events_t,n_t,events_c,n_c\nNew 2026,Infections and infestations,3,40,9,41\n")
        for line in [
            ["search", "add", "--source", "PubMed", "--date", "2026-06-01"], ["import", "records", "new.ris"],
            ["screen", "decide", "56", "include", "--stage", "title-abstract", "--as", "ana"],
            ["screen", "decide", "56", "exclude", "--stage", "title-abstract", "--as", "ben"],
            ["data", "import", "new.csv", "--as", "ana"], ["data", "import", "new.csv", "--as", "ben"],
            ["data", "retract", "1", "--reason", "transcription error"],
            ["snapshot", "create", "2026"],
        ] {
            try expectSuccess(livrev.run(line))
        }
        for (arguments, then) in zip(Self.reads, before) {
            let now = try livrev.run(arguments + ["--at", "published-2025"])
            #expect(now.stdout == then.stdout, "livrev \(arguments.joined(separator: " ")) --at published-2025 changed")
        }
        // And the head did move on.
        #expect(
            try livrev.run(["pool", "--outcome", "Infections and infestations", "--format", "json"]).stdout
                != before[4].stdout)
    }

    @Test func aStoredResultIsCheckedOnEveryRerun() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev.run(["demo", "--db", livrev.registryPath]))
        let stored = try livrev.run(["pool", "--all", "--format", "json", "--at", "trials-to-2020", "--store"])
        try expectSuccess(stored)
        #expect(stored.stderr.contains("Stored this result for revision"))
        let rerun = try livrev.run(["pool", "--all", "--format", "json", "--at", "trials-to-2020"])
        #expect(rerun.stdout == stored.stdout)
        #expect(rerun.stderr.contains("exists") && rerun.stderr.contains(": identical"))
        // Another analysis of the same snapshot has no stored result.
        let other = try livrev.run(["pool", "--all", "--format", "json", "--at", "trials-to-2020", "--method", "REML"])
        #expect(!other.stderr.contains("stored result"))
    }

    @Test func verifyNamesTheRevisionEditedByHand() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev.run(["demo", "--db", livrev.registryPath]))
        try expectSuccess(livrev("verify"))
        let connection = try Connection(path: livrev.registryPath, create: false)
        let revision = try #require(try connection.scalarInt("SELECT revision FROM outcome_row WHERE id = 7"))
        try connection.execute("DROP TRIGGER outcome_row_is_history_u")
        try connection.execute("UPDATE outcome_row SET events_t = events_t + 1 WHERE id = 7")
        let result = try livrev("verify")
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "Error: revision \(revision) was changed outside livrev: its rows no longer match the seal written with them\n"
        )
    }

    @Test func aRegistryFromANewerLivrevIsRefused() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev("init --title T"))
        let connection = try Connection(path: livrev.registryPath, create: false)
        try connection.execute("INSERT INTO livrev_migrations (identifier, applied_at) VALUES ('999_future', 'x')")
        let result = try livrev("log")
        #expect(result.status == 1)
        #expect(result.stderr.contains("was written by a newer livrev (unknown migrations: 999_future); upgrade livrev"))
    }
}
