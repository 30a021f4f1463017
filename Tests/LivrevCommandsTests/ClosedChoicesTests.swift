import Foundation
import Testing

/// Closed choices are closed: a `--format` a command does not print, an impossible date or an
/// empty name is a usage error (exit 64) and changes nothing.
@Suite("Closed choices are closed")
struct ClosedChoicesTests {
    /// Every command with `--format`, and the formats it prints.
    static let formats: [(command: [String], prints: [String])] = [
        (["log"], ["text", "json"]),
        (["agreement", "--stage", "title-abstract"], ["text", "json"]),
        (["screen", "next", "--stage", "title-abstract", "--as", "ana"], ["text", "json"]),
        (["conflicts", "--stage", "title-abstract"], ["text", "json"]), (["prisma"], ["text", "json", "svg"]),
        (["records", "list"], ["text", "json", "csv"]), (["reviewer", "list"], ["text", "json", "csv"]),
        (["study", "list"], ["text", "json"]), (["outcome", "list"], ["text", "json"]),
        (["rob", "conflicts"], ["text", "json"]), (["rob", "summary"], ["text", "json", "svg"]),
        (["snapshot", "list"], ["text", "json"]), (["snapshot", "diff", "v1", "v1"], ["text", "json"]),
        (["pool", "--outcome", "AE"], ["text", "json", "csv"]), (["cumulative", "--outcome", "AE"], ["text", "json"]),
        (["check"], ["text", "json"]), (["data", "conflicts"], ["text", "json"]), (["data", "pending"], ["text", "json"]),
        (["study", "conflicts"], ["text", "json"]), (["study", "pending"], ["text", "json"]),
        (["agreement", "--extraction"], ["text", "json"]), (["simulate", "labelled.csv"], ["text", "json"]),
        (["screen", "progress", "--stage", "title-abstract"], ["text", "json"]),
    ]

    static func registry() throws -> CommandRunner {
        let livrev = try CommandRunner()
        try livrev.write("labelled.csv", "title,abstract,label_included\nA b,c d,1\nE f,g h,0\nA x,c y,0\n")
        try livrev.write("data.csv", "study,outcome,events_t,n_t,events_c,n_c\nA 2001,AE,1,10,2,10\nB 2002,AE,2,12,3,11\n")
        for line in ["init --title C --extraction single", "reviewer add ana", "data import data.csv", "snapshot create v1"] {
            let result = try livrev(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return livrev
    }

    @Test func everyCommandRefusesAFormatItDoesNotPrint() throws {
        let livrev = try Self.registry()
        for (command, prints) in Self.formats {
            for format in ["text", "json", "csv", "svg"] {
                let result = try livrev.run(command + ["--format", format])
                if prints.contains(format) {
                    #expect(result.status == 0, "\(command) --format \(format): \(result.stderr)")
                } else {
                    #expect(result.status == 64, "\(command) --format \(format) printed: \(result.stdout.prefix(80))")
                    #expect(result.stdout.isEmpty)
                }
            }
            #expect(try livrev.run(command + ["--format", "xml"]).status == 64)
        }
    }

    @Test func impossibleDatesAndEmptyNamesAreRefused() throws {
        let livrev = try Self.registry()
        let before = try livrev.logicalDump()
        for arguments in [
            ["search", "add", "--source", "PubMed", "--date", "2026-13-01"],
            ["search", "add", "--source", "PubMed", "--date", "2026-02-30"],
            ["search", "add", "--source", "PubMed", "--date", "2025-02-29"],
            ["search", "add", "--source", "PubMed", "--date", "26-01-01"],
            ["search", "add", "--source", " ", "--date", "2026-01-01"],
            ["reviewer", "add", ""], ["reviewer", "add", "  "], ["study", "add", ""], ["outcome", "add", " "],
            ["snapshot", "create", ""], ["init", "--title", "", "--db", "other.livrev"],
        ] {
            let result = try livrev.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
        }
        #expect(try livrev.logicalDump() == before)
        #expect(try livrev.run(["search", "add", "--source", "PubMed", "--date", "2024-02-29"]).status == 0, "a leap day")
    }
}
