import Foundation
import Testing

/// Blind means blind: two registries that differ only in the value of ben's undisclosed votes give
/// ana the same bytes from every command (times and seals normalised), and `log` says a vote was
/// withheld rather than what it was.
@Suite("Blinding holds in every output")
struct BlindingTests {
    /// One registry per alternative of ben's votes, built once for the suite.
    final class Registries: Sendable {
        let folders: [URL]

        init() throws {
            let count = BlindingScenario.undisclosedVotes.map(\.count).max() ?? 1
            folders = try (0..<count).map { variant in
                let livrev = try BlindingTests.runner()
                for (name, text) in BlindingScenario.files { try livrev.write(name, text) }
                let files = BlindingScenario.undisclosedFiles
                for (name, text) in files[min(variant, files.count - 1)] { try livrev.write(name, text) }
                let votes = BlindingScenario.undisclosedVotes.map { $0[min(variant, $0.count - 1)] }
                for line in BlindingScenario.setup + votes {
                    let result = try livrev.run(BlindingScenario.arguments(line))
                    guard result.status == 0 else {
                        throw BlindingSetupFailure(line: line, stderr: result.stderr)
                    }
                }
                return livrev.folder
            }
        }
    }

    struct BlindingSetupFailure: Error, CustomStringConvertible {
        let line: String
        let stderr: String
        var description: String { "setup '\(line)' failed: \(stderr)" }
    }

    static let registries = Result { try Registries() }

    static func runner(in folder: URL? = nil) throws -> CommandRunner {
        var livrev = try folder.map(CommandRunner.init(folder:)) ?? CommandRunner()
        livrev.environment = ["LIVREV_DB": "review.livrev", "LIVREV_NOW": "2026-12-01T10:00:00.000Z"]
        return livrev
    }

    /// What ana sees when she runs `line` on a fresh copy of registry `folder`: status, stdout,
    /// stderr and every file the command wrote, with times and seals normalised.
    static func seen(running line: String, asAna: Bool = true, on folder: URL) throws -> String {
        let copy = try CommandRunner()
        defer { try? FileManager.default.removeItem(at: copy.folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("review.livrev") {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(name), to: copy.folder.appendingPathComponent(name))
        }
        var livrev = try runner(in: copy.folder)
        if asAna { livrev.environment["LIVREV_REVIEWER"] = "ana" }
        let before = Set(try FileManager.default.subpathsOfDirectory(atPath: copy.folder.path))
        let result = try livrev.run(BlindingScenario.arguments(line))
        var seen = "status \(result.status)\n--- stdout\n\(result.stdout)\n--- stderr\n\(result.stderr)\n"
        let after = try FileManager.default.subpathsOfDirectory(atPath: copy.folder.path).sorted()
        for path in after where !before.contains(path) && !path.hasPrefix("review.livrev") {
            let url = copy.folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            seen += "--- file \(path)\n" + String(decoding: try Data(contentsOf: url), as: UTF8.self) + "\n"
        }
        return normalised(seen.replacingOccurrences(of: copy.folder.path, with: "<folder>"))
    }

    /// Times (ISO 8601) and seals (64 hex digits) replaced by placeholders.
    static func normalised(_ text: String) -> String {
        text.replacing(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/, with: "<time>")
            .replacing(/[0-9a-f]{64}/, with: "<seal>")
    }

    @Test(arguments: BlindingScenario.readCommands)
    func anaSeesTheSameWhateverBenVoted(_ line: String) throws {
        let folders = try BlindingTests.registries.get().folders
        let first = try BlindingTests.seen(running: line, on: folders[0])
        for folder in folders.dropFirst() {
            let other = try BlindingTests.seen(running: line, on: folder)
            #expect(first == other, "'livrev \(line)' depends on ben's undisclosed vote")
        }
    }

    /// The comparison can fail: unblinded, the registries do differ, and ben sees his own votes.
    @Test func theRegistriesReallyDifferInBensVotes() throws {
        let folders = try BlindingTests.registries.get().folders
        for line in ["log --unblind", "log --as ben"] {
            let seen = try folders.map { try BlindingTests.seen(running: line, asAna: false, on: $0) }
            #expect(Set(seen).count == folders.count, "'livrev \(line)' should show each registry's own votes")
        }
    }

    @Test func logShowsAWithheldVoteAndUnblindingIsLogged() throws {
        let folder = try BlindingTests.registries.get().folders[1]
        let log = try BlindingTests.seen(running: "log", on: folder)
        #expect(log.contains("(a vote, withheld until the other reviewer has voted)"))
        #expect(!log.contains("screen decide 6"))
        #expect(!log.contains("D2"))
        // Ana's own undisclosed vote (record 7, by import) and the disclosed ones show.
        #expect(log.contains("screen import ana.csv"))
        #expect(log.contains("screen decide 2 exclude --stage title-abstract --as ben"))
        let json = try BlindingTests.seen(running: "log --format json", on: folder)
        #expect(json.contains("\"withheld\": true"))
        #expect(json.contains("\"command\": null"))

        let copy = try CommandRunner()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("review.livrev") {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(name), to: copy.folder.appendingPathComponent(name))
        }
        let livrev = try BlindingTests.runner(in: copy.folder)
        let unblinded = try livrev.run(["log", "--unblind", "--as", "cy"])
        #expect(unblinded.status == 0)
        #expect(unblinded.stdout.contains("screen decide 6 exclude --stage title-abstract --as ben"))
        let after = try livrev.run(["log", "--as", "ana"])
        #expect(after.stdout.contains("log --unblind --as cy"), "unblinding is itself in the log")
    }
}
