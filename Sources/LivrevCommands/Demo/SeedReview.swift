import ArgumentParser
import Foundation
import LivrevStore

/// Builds the example registry by replaying, quietly, the commands a team migrating the
/// published review would type: the log then reads as that history.
enum SeedReview {
    static let title = "Intravenous mesenchymal stem cells: adverse events in RCTs (Habiba et al. 2025, living update)"
    static let reviewer = "habiba2025"
    /// The snapshots the demo replays: the review with the trials up to 2020, then as published.
    static let early = "trials-to-2020"
    static let published = "published-2025"

    static func build(at path: String) throws -> Registry {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("livrev-seeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in EmbeddedSeeds.files {
            try Data((text + "\n").utf8).write(to: folder.appendingPathComponent(name))
        }
        func seed(_ name: String) -> String { folder.appendingPathComponent(name).path }
        func run(_ arguments: [String]) throws {
            try replay(
                arguments + ["--db", path],
                shownAs: arguments.map { $0.replacingOccurrences(of: folder.path + "/", with: "Seeds/") })
        }

        try run(["init", "--title", title])
        try run(["reviewer", "add", reviewer, "--role", "arbiter"])
        try run([
            "search", "add", "--source", "Habiba et al. 2025 (previous version)", "--date", "2025-06-30",
            "--previous", "--query", "reference list: included trials",
        ])
        try run(["import", "records", seed("included-reports.ris"), "--search", "1"])
        // Every report is linked to its study before dedup marks the second listing of one paper (a
        // duplicate may not be linked afterwards).
        for (key, records) in try studyGroups(seed("included-reports-studies.csv")) {
            try run(["study", "add", key, "--record"] + records.map(String.init))
        }
        try run(["dedup"])
        try run(["previous", "counts", seed("previous-flow.csv")])
        try run(["study", "import", seed("characteristics.csv"), "--final", "--as", reviewer])
        try run(["rob", "import", seed("rob.csv"), "--tool", "rob1", "--final", "--as", reviewer])
        try run(["data", "import", seed("ae-counts-to-2020.csv"), "--final", "--as", reviewer])
        try run(["snapshot", "create", SeedReview.early, "--note", "the trials published up to 2020"])
        try run(["data", "import", seed("ae-counts-from-2021.csv"), "--final", "--as", reviewer])
        try run(["data", "import", seed("cohort-proportions.csv"), "--final", "--as", reviewer])
        try run(["data", "import", seed("cohort-hazard-ratios.csv"), "--final", "--as", reviewer])
        try run(["snapshot", "create", SeedReview.published, "--note", "the review as published: every trial, and the cohort"])
        return try Registry.open(path: path)
    }

    /// Study key → record ids, in file order: the i-th row of the file is the i-th imported report.
    private static func studyGroups(_ path: String) throws -> [(String, [Int64])] {
        let csv = try CSVReader(path: path)
        let study = try csv.requiredColumn("study")
        var order: [String] = []
        var groups: [String: [Int64]] = [:]
        var record: Int64 = 0
        try csv.forEach { row in
            record += 1
            let key = csv.string(study, in: row) ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(record)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// Runs one livrev command in-process, without printing, recording `shownAs` as its command line.
    private static func replay(_ arguments: [String], shownAs: [String]) throws {
        var command = try LivrevCommand.parseAsRoot(arguments)
        try CommandContext.$arguments.withValue(shownAs) {
            try Output.$isQuiet.withValue(true) {
                do {
                    try command.run()
                } catch let exit as ExitCode {
                    throw SeedError(command: shownAs.joined(separator: " "), code: exit.rawValue)
                }
            }
        }
    }

    struct SeedError: Error, CustomStringConvertible {
        let command: String
        let code: Int32
        var description: String { "building the example failed at 'livrev \(command)' (exit \(code))" }
    }
}
