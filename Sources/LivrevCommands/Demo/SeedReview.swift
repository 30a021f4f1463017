import ArgumentParser
import Foundation
import LivrevStore

/// Builds the example registry as a team would build a living review: the published review's trials
/// up to 2020 migrated as the previous version, then an update search screened by two blinded reviewers
/// and an arbiter, dual extraction of the new trials, and a snapshot. Each step calls the library and
/// is recorded under the command a team member would type for it, so the log reads as that history;
/// `narrate` shows the steps and what some of those commands print.
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
        // The seeds are written to Seeds/ in a scratch folder and read from there, so that the log and
        // the records name the files as the repository does.
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
        let (ana, ben) = screeners

        narrate(
            """
            1. The previous version: the published review's trials up to 2020, migrated from its reference \
            list, with Table 2's characteristics, the risk-of-bias judgements and Table 3's rows, entered as \
            published by \(reviewer) (snapshot \(early)); and the paper's flow counts as it states them (for all \
            36 trials: 'check' tests their arithmetic).
            """)
        let initLine = ["init", "--title", title]
        let registry = try DemoStep.failing(initLine) {
            try Registry.create(
                path: registryPath, title: title, extraction: .dual, command: CommandContext.commandLine(initLine),
                settings: .fromEnvironment)
        }
        let demo = DemoStep.Runner(registry: registry, narrate: narrate)
        try demo.step(["reviewer", "add", reviewer, "--role", "arbiter"]) {
            try registry.addReviewer(reviewer, role: .arbiter, revision: $0)
        }
        for name in [ana, ben] {
            try demo.step(["reviewer", "add", name]) { try registry.addReviewer(name, role: .reviewer, revision: $0) }
        }
        let reasons = ["wrong route", "not randomized", "not a trial of IV MSCs"]
        try demo.step(["reasons", "add"] + reasons) { _ = try registry.setExclusionReasons(reasons, active: true, revision: $0) }
        let previousQuery = "reference list: included trials published up to 2020"
        let previousSource = "Habiba et al. 2025 (previous version)"
        try demo.step([
            "search", "add", "--source", previousSource, "--date", "2020-12-31", "--previous", "--query", previousQuery,
        ]) {
            _ = try registry.addSearch(
                source: previousSource, date: "2020-12-31", query: previousQuery, kind: .previous, revision: $0)
        }
        try demo.importRecords(seed("previous-reports.ris"), search: 1)
        // Every report is linked to its study before dedup marks the second listing of one paper (a
        // duplicate may not be linked afterwards).
        try demo.addStudies(seed("previous-reports-studies.csv"))
        try demo.dedup()
        let flow = seed("previous-flow.csv")
        try demo.step(["previous", "counts", flow]) {
            try registry.recordPublishedPreviousCounts(try PreviousCountsFile.read(flow), revision: $0)
        }
        try demo.importCharacteristics(seed("characteristics-to-2020.csv"), as: reviewer, final: true)
        try demo.importRiskOfBias(seed("rob-to-2020.csv"), as: reviewer, final: true)
        try demo.importOutcomeRows(seed("ae-counts-to-2020.csv"), as: reviewer, final: true)
        try demo.snapshot(early, note: "previous version: the trials published up to 2020")

        narrate(
            """

            2. The update search, simulated from the paper's own reference list: the trials published from \
            2021 on, and cited papers that are not trials of IV MSCs, in two overlapping database exports, \
            plus two trial registrations. Duplicates are marked before screening.
            """)
        let query = "mesenchymal AND intravenous"
        for source in ["Embase", "Scopus"] {
            try demo.step(["search", "add", "--source", source, "--date", "2025-06-30", "--query", query]) {
                _ = try registry.addSearch(source: source, date: "2025-06-30", query: query, kind: .database, revision: $0)
            }
        }
        try demo.step(["search", "add", "--source", "ClinicalTrials.gov", "--date", "2025-06-30", "--register"]) {
            _ = try registry.addSearch(
                source: "ClinicalTrials.gov", date: "2025-06-30", query: nil, kind: .register, revision: $0)
        }
        try demo.importRecords(seed("update-embase.ris"), search: 2, show: true)
        try demo.importRecords(seed("update-scopus.ris"), search: 3, show: true)
        try demo.importRecords(seed("update-ctgov.csv"), search: 4, show: true)
        try demo.dedup(show: true)

        let arbiter = try ArbiterSheet.read(seed("update-arbiter.csv"))
        narrate(
            """

            3. Title-abstract screening by \(ana) and \(ben), each blind to the other (scripted decisions \
            from Seeds/); the arbiter resolves their one disagreement.
            """)
        try demo.importDecisions(seed("update-title-abstract-ana.csv"), stage: .titleAbstract, as: ana)
        try demo.importDecisions(seed("update-title-abstract-ben.csv"), stage: .titleAbstract, as: ben)
        try demo.showConflicts(.titleAbstract)
        try demo.resolve(arbiter.rows.filter { $0.stage == ScreeningStage.titleAbstract.rawValue }, as: reviewer)
        try demo.showAgreement(.titleAbstract)

        narrate("\n4. Full text: one registration has no report to retrieve; exclusions give the review's reasons.")
        for row in arbiter.rows where row.stage == "not-retrieved" {
            try demo.notRetrieved(row.record, reason: row.reason)
        }
        try demo.importDecisions(seed("update-full-text-ana.csv"), stage: .fullText, as: ana)
        try demo.importDecisions(seed("update-full-text-ben.csv"), stage: .fullText, as: ben)
        try demo.showConflicts(.fullText)
        try demo.resolve(arbiter.rows.filter { $0.stage == ScreeningStage.fullText.rawValue }, as: reviewer)
        try demo.showAgreement(.fullText)

        narrate(
            """

            5. The included reports grouped into the new studies (a registration reports its trial); \
            \(ana) and \(ben) extract characteristics, risk of bias and adverse-event counts independently, \
            and the arbiter settles the one row they read differently (a real discrepancy of the paper).
            """)
        try demo.addStudies(seed("update-studies.csv"))
        for extractor in [ana, ben] {
            try demo.importCharacteristics(seed("characteristics-from-2021.csv"), as: extractor)
            try demo.importRiskOfBias(seed("rob-from-2021.csv"), as: extractor)
        }
        try demo.importOutcomeRows(seed("ae-counts-from-2021.csv"), as: ana)
        try demo.importOutcomeRows(seed("ae-counts-from-2021-ben.csv"), as: ben)
        demo.show(["data", "conflicts"], ExtractionOutput.conflictsText(try registry.outcomeExtraction().conflicts))
        narrate(
            """
            Table 3 prints Zang 2022's chest pain with Perico 2023's denominators (2/12 vs 0/4; Zang's other \
            rows are 45/46): \(ben) took Zang's own, \(ana) copied the table. The arbiter keeps the row as \
            published, so that the re-pool reproduces the paper; 'check' goes on reporting it.
            """)
        try demo.acceptOutcomeRow(
            study: "Zang 2022", outcome: "General disorders and administration site conditions", from: ana, as: reviewer)
        // The single-arm cohort's published results, entered as the paper reports them.
        try demo.importOutcomeRows(seed("cohort-proportions.csv"), as: reviewer, final: true)
        try demo.importOutcomeRows(seed("cohort-hazard-ratios.csv"), as: reviewer, final: true)
        try demo.snapshot(published, note: "the update as published: every trial, and the cohort")
        return registry
    }

    /// The arbiter's scripted part: `stage,record,decision,reason,what` (stage `not-retrieved` marks a report).
    fileprivate struct ArbiterSheet {
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
    }
}

/// The demo's steps: each is what one team member would type, done through the library and recorded
/// in the log under that command line; a failing step names its command and its cause.
enum DemoStep {
    /// A step failed: which command, and why.
    struct Failure: Error, CustomStringConvertible {
        let command: String
        let cause: String
        var description: String { "building the example failed at '\(command)': \(cause)" }
    }

    static func failing<T>(_ words: [String], _ body: () throws -> T) throws -> T {
        do { return try body() } catch let failure as Failure { throw failure } catch {
            throw Failure(command: CommandContext.commandLine(words), cause: String(describing: error))
        }
    }

    struct Runner {
        let registry: Registry
        let narrate: (String) -> Void

        /// Records `body` as one revision by `reviewer` (its `--as`) under the command line `livrev words…`.
        @discardableResult
        func step<T>(_ words: [String], as reviewer: String? = nil, show: Bool = false, _ body: (Int64) throws -> T) throws -> T {
            let words = words + (reviewer.map { ["--as", $0] } ?? [])
            if show { narrate("$ " + Self.shown(words)) }
            return try DemoStep.failing(words) {
                try registry.write(reviewer: reviewer, command: CommandContext.commandLine(words), body)
            }
        }

        /// Shows a read-only command and what it prints.
        func show(_ words: [String], _ output: String) {
            narrate("$ " + Self.shown(words))
            narrate(output.hasSuffix("\n") ? String(output.dropLast()) : output)
        }

        func importRecords(_ file: String, search: Int64, show: Bool = false) throws {
            let words = ["import", "records", file, "--search", String(search)]
            let (batch, _) = try DemoStep.failing(words) { try RecordBatch.read(file: file, searchID: search) }
            try step(words, show: show) { try registry.insert(batch, revision: $0) }
            if show { narrate(batch.summary(search: try registry.search(id: search).source)) }
        }

        /// `study add KEY --record …` for each study of a `record,study` file, in the file's order.
        func addStudies(_ file: String) throws {
            let csv = try DemoStep.failing(["study", "add"]) { try CSVReader(path: file) }
            let study = try csv.requiredColumn("study")
            let record = try csv.requiredColumn("record")
            var order: [String] = []
            var groups: [String: [String]] = [:]
            try csv.forEach { row in
                let key = csv.string(study, in: row) ?? ""
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(csv.string(record, in: row) ?? "")
            }
            for key in order {
                let records = groups[key] ?? []
                let words = ["study", "add", key, "--record"] + records
                let ids = try records.map { text in
                    guard let id = Int64(text) else {
                        throw DemoStep.Failure(
                            command: CommandContext.commandLine(words), cause: "\(file): '\(text)' is not a record id")
                    }
                    return id
                }
                try step(words) {
                    _ = try registry.addStudy(key, records: ids, revision: $0)
                }
            }
        }

        func dedup(show: Bool = false) throws {
            let marks = try step(["dedup"], show: show) { revision in
                let marks = try registry.findDuplicates()
                try registry.markDuplicates(marks, revision: revision)
                return marks
            }
            if show { narrate(String(Dedup.text(marks, dryRun: false).dropLast())) }
        }

        func importCharacteristics(_ file: String, as name: String, final: Bool = false) throws {
            try step(["study", "import", file] + (final ? ["--final"] : []), as: name) { revision in
                let recording = try ExtractionRecording(registry, reviewer: name, final: final)
                _ = try StudyCommand.ImportCharacteristics.record(file: file, as: recording, in: registry, revision: revision)
            }
        }

        func importRiskOfBias(_ file: String, as name: String, final: Bool = false) throws {
            try step(["rob", "import", file, "--tool", "rob1"] + (final ? ["--final"] : []), as: name) { revision in
                _ = try RiskOfBiasCommand.ImportJudgements.record(
                    file: file, tool: .rob1, by: try registry.reviewer(named: name), final: final, in: registry,
                    revision: revision)
            }
        }

        func importOutcomeRows(_ file: String, as name: String, final: Bool = false) throws {
            try step(["data", "import", file] + (final ? ["--final"] : []), as: name) { revision in
                let recording = try ExtractionRecording(registry, reviewer: name, final: final)
                let rows = try OutcomeRowsFile.read(file)
                _ = try DataCommand.ImportRows.record(
                    rows, from: file, as: recording, replace: false, in: registry, revision: revision)
            }
        }

        func snapshot(_ name: String, note: String) throws {
            try step(["snapshot", "create", name, "--note", note]) {
                _ = try registry.createSnapshot(name, note: note, revision: $0)
            }
        }

        func importDecisions(_ file: String, stage: ScreeningStage, as name: String) throws {
            try step(["screen", "import", file, "--stage", stage.rawValue], as: name) { revision in
                _ = try ScreenCommand.ImportDecisions.record(
                    file: file, stage: stage, by: try registry.reviewer(named: name), in: registry, revision: revision)
            }
        }

        func showConflicts(_ stage: ScreeningStage) throws {
            show(["conflicts", "--stage", stage.rawValue], Conflicts.text(try registry.conflicts(stage: stage), stage: stage))
        }

        func showAgreement(_ stage: ScreeningStage) throws {
            let results = try AgreementCommand.results(registry, stage: stage, at: .max)
            show(["agreement", "--stage", stage.rawValue], AgreementCommand.text(stage: stage, results))
        }

        fileprivate func resolve(_ rows: [SeedReview.ArbiterSheet.Row], as arbiter: String) throws {
            for row in rows {
                let words = ["resolve", row.record, row.decision, "--stage", row.stage]
                guard let record = Int64(row.record), let stage = ScreeningStage(rawValue: row.stage),
                    let decision = ScreeningDecision(rawValue: row.decision)
                else {
                    throw DemoStep.Failure(
                        command: CommandContext.commandLine(words), cause: "Seeds/update-arbiter.csv has a row it cannot read")
                }
                try step(words + ["--as", arbiter, "--reason", row.reason], show: true) { revision in
                    try registry.resolve(
                        record: record, stage: stage, decision: decision, reason: row.reason,
                        reviewer: try registry.reviewer(named: arbiter), consensus: nil, revision: revision)
                }
                narrate(Resolve.summary(record: record, stage: stage, decision: decision))
            }
        }

        func notRetrieved(_ text: String, reason: String) throws {
            let words = ["retrieve", text, "--not-retrieved", "--reason", reason]
            guard let record = Int64(text) else {
                throw DemoStep.Failure(command: CommandContext.commandLine(words), cause: "'\(text)' is not a record id")
            }
            try step(["retrieve", text, "--not-retrieved", "--reason", reason], show: true) {
                try registry.setRetrieval(record: record, retrieved: false, reason: reason, revision: $0)
            }
            narrate(Retrieve.summary(record: record, retrieved: false))
        }

        func acceptOutcomeRow(study: String, outcome: String, from extractor: String, as arbiter: String) throws {
            try step(["data", "resolve", study, outcome, "--accept", extractor], as: arbiter, show: true) { revision in
                try registry.resolveOutcomeRow(
                    study: study, outcome: outcome, label: nil, choice: .accept(try registry.reviewer(named: extractor)),
                    arbiter: try registry.reviewer(named: arbiter), revision: revision)
            }
            narrate(DataCommand.Resolve.summary(study: study, outcome: outcome, label: nil, accepted: extractor))
        }

        /// A command as the narration shows it: quoted where a word has a space or a quote.
        private static func shown(_ words: [String]) -> String {
            (["livrev"] + words).map { word in word.contains(where: { " \"'".contains($0) }) ? "\"\(word)\"" : word }
                .joined(separator: " ")
        }
    }
}
