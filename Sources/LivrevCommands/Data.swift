import ArgumentParser
import LivrevStore

/// `livrev data import FILE`: outcome data rows.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Import, list, compare, resolve and retract outcome data.",
        subcommands: [ImportRows.self, List.self, Conflicts.self, Pending.self, Resolve.self, Retract.self])

    struct ImportRows: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import outcome data rows from a CSV file; unknown studies and outcomes are created and reported.",
            discussion: """
                The header says the kind of data (columns matched by name, any case, any order):
                  dichotomous  study,outcome,events_t,n_t,events_c,n_c   [label,event_name,year]
                  generic      study,outcome,measure,estimate,ci_lower,ci_upper   (HR, OR, RR on their natural scale)
                               or study,outcome,yi,sei
                  single arm   study,outcome,events,n   (pooled as proportions)
                One row = one effect; a study may have several rows per outcome, told apart by label. A row with an \
                error (missing column, not a number, a negative count, events above n, a CI that does not contain \
                its estimate) stops the import, naming file, line and column, and nothing is imported.

                In a review with dual extraction ('livrev extraction mode'), the rows are --as R's own extraction: \
                a row counts once a second extractor enters identical values or an arbiter resolves the \
                difference. Numbers and year are compared, not event_name. An arbiter may import agreed values \
                (a published review brought in as it was) with --final.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The CSV file.")
        var file: String

        @Flag(
            help: """
                Replace the current rows of every (study, outcome) in the file: a corrected extraction (in dual \
                extraction, your own rows).
                """)
        var replace = false

        @Flag(help: "The rows are agreed values that count at once, e.g. a published review's (arbiters only).")
        var final = false

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            try InputFile.require(file)
            let rows = try OutcomeRowsFile.read(file)
            let recording = try ExtractionRecording(registry, reviewer: reviewerOptions, final: final)
            let (created, retracted) = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try Self.record(rows, from: file, as: recording, replace: replace, in: registry, revision: revision)
            }
            if !created.studies.isEmpty {
                Output.error("Created \(created.studies.count) new studies: \(created.studies.joined(separator: ", "))")
            }
            if !created.outcomes.isEmpty {
                Output.error("Created \(created.outcomes.count) new outcomes: \(created.outcomes.joined(separator: ", "))")
            }
            let outcomes = Set(rows.map(\.outcome)).count
            let studies = Set(rows.map(\.study)).count
            Output.print(
                "Imported \(rows.count) rows (\(studies) studies, \(outcomes) outcomes) from \(file)\(recording.suffix)"
                    + (replace ? "; retracted \(retracted) earlier rows" : ""))
        }

        /// Records `rows` (read from `file`) as part of `revision`: one extractor's entries, or values that
        /// count at once; with `replace`, the rows `file` replaces are retracted. Returns what it created
        /// and how many rows it retracted.
        static func record(
            _ rows: [NewOutcomeRow], from file: String, as recording: ExtractionRecording, replace: Bool,
            in registry: Registry, revision: Int64
        ) throws -> (created: (studies: [String], outcomes: [String]), retracted: Int) {
            if case .entries(let extractor) = recording {
                try requireOneRowPerKey(rows, file: file)
                let entered = try registry.addOutcomeEntries(
                    rows, extractor: try registry.reviewer(named: extractor), replace: replace,
                    defaultMeasure: OutcomeRowsFile.defaultMeasure, revision: revision)
                return (entered.created, entered.withdrawn)
            }
            try recording.checkFinal(registry)
            var retracted = 0
            if replace {
                let pairs = Set(rows.map { [$0.study, $0.outcome] })
                for (row, _) in try registry.recordedOutcomeRows() where pairs.contains([row.study, row.outcome]) {
                    try registry.retractOutcomeRow(row.id, reason: "replaced by \(file)", revision: revision)
                    retracted += 1
                }
            }
            let created = try registry.addOutcomeRows(rows, defaultMeasure: OutcomeRowsFile.defaultMeasure, revision: revision)
            return (created, retracted)
        }

        /// In dual extraction an extractor's file holds each (study, outcome, label) once: rows are
        /// compared by that key.
        static func requireOneRowPerKey(_ rows: [NewOutcomeRow], file: String) throws {
            var lines: [[String]: Int] = [:]
            for row in rows {
                let key = [row.study, row.outcome, row.label ?? ""]
                if let earlier = lines[key] {
                    throw CommandError.badRow(
                        file: file, line: row.sourceLine ?? 0,
                        message: "\(row.study) / \(row.outcome)\(row.label.map { " / label \($0)" } ?? "") is also on line "
                            + "\(earlier): in dual extraction each row of a study's outcome needs its own label")
                }
                lines[key] = row.sourceLine ?? 0
            }
        }
    }

    struct Retract: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "retract",
            abstract: "Retract an outcome row (it stays in history, but no longer counts).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The row id (see 'livrev data list').")
        var row: Int64

        @Option(help: "Why.")
        var reason: String?

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.retractOutcomeRow(row, reason: reason, revision: revision)
            }
            Output.print("Retracted row \(row)")
        }
    }
}
