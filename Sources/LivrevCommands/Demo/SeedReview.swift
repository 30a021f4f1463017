import ArgumentParser
import Foundation
import LivrevStore

/// Builds the example registry by replaying, as a team would type them, the commands of a living
/// review: the published review's trials up to 2020 migrated as the previous version, then an update
/// search screened by two blinded reviewers and an arbiter, dual extraction of the new trials, and a
/// snapshot. The log then reads as that history; `narrate` shows the steps and some commands' output.
enum SeedReview {
    static let title = "Intravenous mesenchymal stem cells: adverse events in RCTs (Habiba et al. 2025, living update)"
    /// The arbiter, who also migrated the previous version (entered as published, `--final`).
    static let reviewer = "habiba2025"
    /// The two screeners and extractors of the update.
    static let screeners = ("ana", "ben")
    /// The previous version (the trials published up to 2020), then the update as published.
    static let early = "trials-to-2020"
    static let published = "published-2025"

    static func build(at path: String, narrate: @escaping (String) -> Void = { _ in }) throws -> Registry {
        // The seeds are written to Seeds/ in a scratch folder and the commands run there, so that they,
        // their output and the log name the files as the repository does.
        let registryPath = URL(fileURLWithPath: path).standardizedFileURL.path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("livrev-seeds-\(UUID().uuidString)")
        let seeds = folder.appendingPathComponent("Seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        let workingDirectory = FileManager.default.currentDirectoryPath
        defer {
            FileManager.default.changeCurrentDirectoryPath(workingDirectory)
            try? FileManager.default.removeItem(at: folder)
        }
        for (name, text) in EmbeddedSeeds.files {
            try Data(text.utf8).write(to: seeds.appendingPathComponent(name))
        }
        FileManager.default.changeCurrentDirectoryPath(folder.path)
        func seed(_ name: String) -> String { "Seeds/" + name }
        func run(_ arguments: [String], show: Bool = false) throws {
            if show { narrate("$ livrev \(arguments.map(shellQuoted).joined(separator: " "))") }
            try replay(arguments + ["--db", registryPath], shownAs: arguments, quiet: !show)
        }
        let (ana, ben) = screeners

        narrate(
            """
            1. The previous version: the published review's trials up to 2020, migrated from its reference \
            list, with Table 2's characteristics, the risk-of-bias judgements and Table 3's rows, entered as \
            published by \(reviewer) (snapshot \(early)); and the paper's flow counts as it states them (for all \
            36 trials: 'check' tests their arithmetic).
            """)
        try run(["init", "--title", title])
        try run(["reviewer", "add", reviewer, "--role", "arbiter"])
        try run(["reviewer", "add", ana])
        try run(["reviewer", "add", ben])
        try run(["reasons", "add", "wrong route", "not randomized", "not a trial of IV MSCs"])
        try run([
            "search", "add", "--source", "Habiba et al. 2025 (previous version)", "--date", "2020-12-31",
            "--previous", "--query", "reference list: included trials published up to 2020",
        ])
        try run(["import", "records", seed("previous-reports.ris"), "--search", "1"])
        // Every report is linked to its study before dedup marks the second listing of one paper (a
        // duplicate may not be linked afterwards).
        try addStudies(seed("previous-reports-studies.csv"), run)
        try run(["dedup"])
        try run(["previous", "counts", seed("previous-flow.csv")])
        try run(["study", "import", seed("characteristics-to-2020.csv"), "--final", "--as", reviewer])
        try run(["rob", "import", seed("rob-to-2020.csv"), "--tool", "rob1", "--final", "--as", reviewer])
        try run(["data", "import", seed("ae-counts-to-2020.csv"), "--final", "--as", reviewer])
        try run(["snapshot", "create", early, "--note", "previous version: the trials published up to 2020"])

        narrate(
            """

            2. The update search, simulated from the paper's own reference list: the trials published from \
            2021 on, and cited papers that are not trials of IV MSCs, in two overlapping database exports, \
            plus two trial registrations. Duplicates are marked before screening.
            """)
        try run(["search", "add", "--source", "Embase", "--date", "2025-06-30", "--query", "mesenchymal AND intravenous"])
        try run(["search", "add", "--source", "Scopus", "--date", "2025-06-30", "--query", "mesenchymal AND intravenous"])
        try run(["search", "add", "--source", "ClinicalTrials.gov", "--date", "2025-06-30", "--register"])
        try run(["import", "records", seed("update-embase.ris"), "--search", "2"], show: true)
        try run(["import", "records", seed("update-scopus.ris"), "--search", "3"], show: true)
        try run(["import", "records", seed("update-ctgov.csv"), "--search", "4"], show: true)
        try run(["dedup"], show: true)

        let arbiter = try ArbiterSheet.read(seed("update-arbiter.csv"))
        narrate(
            """

            3. Title-abstract screening by \(ana) and \(ben), each blind to the other (scripted decisions \
            from Seeds/); the arbiter resolves their one disagreement.
            """)
        try run(["screen", "import", seed("update-title-abstract-ana.csv"), "--stage", "title-abstract", "--as", ana])
        try run(["screen", "import", seed("update-title-abstract-ben.csv"), "--stage", "title-abstract", "--as", ben])
        try run(["conflicts", "--stage", "title-abstract"], show: true)
        try arbiter.resolve(stage: "title-abstract", as: reviewer, run)
        try run(["agreement", "--stage", "title-abstract"], show: true)

        narrate("\n4. Full text: one registration has no report to retrieve; exclusions give the review's reasons.")
        for row in arbiter.rows where row.stage == "not-retrieved" {
            try run(["retrieve", row.record, "--not-retrieved", "--reason", row.reason], show: true)
        }
        try run(["screen", "import", seed("update-full-text-ana.csv"), "--stage", "full-text", "--as", ana])
        try run(["screen", "import", seed("update-full-text-ben.csv"), "--stage", "full-text", "--as", ben])
        try run(["conflicts", "--stage", "full-text"], show: true)
        try arbiter.resolve(stage: "full-text", as: reviewer, run)
        try run(["agreement", "--stage", "full-text"], show: true)

        narrate(
            """

            5. The included reports grouped into the new studies (a registration reports its trial); \
            \(ana) and \(ben) extract characteristics, risk of bias and adverse-event counts independently, \
            and the arbiter settles the one row they read differently (a real discrepancy of the paper).
            """)
        try addStudies(seed("update-studies.csv"), run)
        for extractor in [ana, ben] {
            try run(["study", "import", seed("characteristics-from-2021.csv"), "--as", extractor])
            try run(["rob", "import", seed("rob-from-2021.csv"), "--tool", "rob1", "--as", extractor])
        }
        try run(["data", "import", seed("ae-counts-from-2021.csv"), "--as", ana])
        try run(["data", "import", seed("ae-counts-from-2021-ben.csv"), "--as", ben])
        try run(["data", "conflicts"], show: true)
        narrate(
            """
            Table 3 prints Zang 2022's chest pain with Perico 2023's denominators (2/12 vs 0/4; Zang's other \
            rows are 45/46): \(ben) took Zang's own, \(ana) copied the table. The arbiter keeps the row as \
            published, so that the re-pool reproduces the paper; 'check' goes on reporting it.
            """)
        try run(
            [
                "data", "resolve", "Zang 2022", "General disorders and administration site conditions", "--accept", ana,
                "--as", reviewer,
            ], show: true)
        // The single-arm cohort's published results, entered as the paper reports them.
        try run(["data", "import", seed("cohort-proportions.csv"), "--final", "--as", reviewer])
        try run(["data", "import", seed("cohort-hazard-ratios.csv"), "--final", "--as", reviewer])
        try run(["snapshot", "create", published, "--note", "the update as published: every trial, and the cohort"])
        return try Registry.open(path: registryPath, settings: .fromEnvironment)
    }

    /// `study add KEY --record …` for each study of a `record,study` file, in the file's order.
    private static func addStudies(_ path: String, _ run: ([String], Bool) throws -> Void) throws {
        let csv = try CSVReader(path: path)
        let study = try csv.requiredColumn("study")
        let record = try csv.requiredColumn("record")
        var order: [String] = []
        var groups: [String: [String]] = [:]
        try csv.forEach { row in
            let key = csv.string(study, in: row) ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(csv.string(record, in: row) ?? "")
        }
        for key in order { try run(["study", "add", key, "--record"] + (groups[key] ?? []), false) }
    }

    /// The arbiter's scripted part: `stage,record,decision,reason,what` (stage `not-retrieved` marks a report).
    private struct ArbiterSheet {
        struct Row {
            let stage: String
            let record: String
            let decision: String
            let reason: String
        }
        let rows: [Row]

        static func read(_ path: String) throws -> ArbiterSheet {
            let csv = try CSVReader(path: path)
            let columns = try ["stage", "record", "decision", "reason"].map { try csv.requiredColumn($0) }
            var rows: [Row] = []
            try csv.forEach { row in
                let value = columns.map { csv.string($0, in: row) ?? "" }
                rows.append(Row(stage: value[0], record: value[1], decision: value[2], reason: value[3]))
            }
            return ArbiterSheet(rows: rows)
        }

        func resolve(stage: String, as arbiter: String, _ run: ([String], Bool) throws -> Void) throws {
            for row in rows where row.stage == stage {
                try run(["resolve", row.record, row.decision, "--stage", stage, "--as", arbiter, "--reason", row.reason], true)
            }
        }
    }

    private static func shellQuoted(_ word: String) -> String {
        word.contains(where: { " \"'".contains($0) }) ? "\"\(word)\"" : word
    }

    /// Runs one livrev command in-process, recording `shownAs` as its command line; quiet unless shown.
    private static func replay(_ arguments: [String], shownAs: [String], quiet: Bool) throws {
        var command = try LivrevCommand.parseAsRoot(arguments)
        try CommandContext.$arguments.withValue(shownAs) {
            try Output.$isQuiet.withValue(quiet) {
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
