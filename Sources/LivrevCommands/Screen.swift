import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev screen [next|decide|undo|import]`: blinded dual screening; with no subcommand, at the keyboard.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen", abstract: "Screen records, blinded to the other reviewers' votes.",
        discussion: """
            'livrev screen --stage S --as R' opens the keyboard screener in a terminal: one record at a time, \
            i include, e exclude, m maybe, s skip, u undo, n note, q quit, ? help. In scripts use next and decide.
            """,
        subcommands: [Interactive.self, Next.self, Decide.self, Undo.self, ImportDecisions.self, Progress.self],
        defaultSubcommand: Interactive.self)

    struct Next: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "next",
            abstract: "Show the next record you have not decided at a stage; shows nothing of other reviewers' votes.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var stageOptions: StageOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(parsing: .upToNextOption, help: "Records to pass over for now (show the next one after them).")
        var skip: [Int64] = []

        @Option(
            help: ArgumentHelp(
                "ranked: most likely include first, learnt from the stage's final decisions and your own votes "
                    + "(imported order until they hold an include and an exclude); imported: record order."))
        var order: ScreeningOrder = .ranked

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            let stage = stageOptions.stage
            let next = try registry.nextRecord(
                stage: stage, reviewer: try registry.reviewer(named: name), skipping: Set(skip), order: order)
            guard let next else {
                if format == .json {
                    Output.print("null")
                } else {
                    Output.print("Nothing left for \(name) at \(stage.rawValue).")
                }
                return
            }
            let record = try registry.recordDetail(next)
            if format == .json {
                Output.print(
                    JSONValue.object([
                        ("id", .integer(Int(record.id))), ("title", .string(record.title)),
                        ("authors", .array(record.authors.map(JSONValue.string))), ("year", .integer(record.year)),
                        ("journal", .string(record.journal)), ("doi", .string(record.doi)), ("pmid", .string(record.pmid)),
                        ("abstract", .string(record.abstract)),
                    ]).rendered(pretty: true))
                return
            }
            Output.print(RecordCard(record: record).rendered(), terminator: "")
            let choices = stage.decisions.map(\.rawValue).joined(separator: "|")
            let reason = stage == .fullText ? " [--reason TEXT]" : ""
            Output.print("\nDecide: livrev screen decide \(record.id) \(choices) --stage \(stage.rawValue) --as \(name)\(reason)")
            let reasons = try registry.exclusionReasons()
            if stage == .fullText, !reasons.isEmpty {
                Output.print("Reasons: " + reasons.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: "; "))
            }
        }
    }

    struct Decide: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide",
            abstract: "Record your decision on a record; a later decision of yours supersedes it (both stay in history).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var stageOptions: StageOptions

        @OptionGroup var vote: DecisionArguments

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
            try vote.validate(at: stageOptions.stage)
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            try context.write(reviewer: name) { revision in
                try registry.decide(
                    record: vote.record, stage: stageOptions.stage, decision: vote.decision, reason: vote.reason,
                    reviewer: try registry.reviewer(named: name), revision: revision)
            }
            Output.print(
                "Recorded \(vote.decision.rawValue) on record \(vote.record) at \(stageOptions.stage.rawValue) for \(name)")
        }
    }
}

extension ScreenCommand {
    struct Undo: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Withdraw your decision on a record (your latest one if no record is given); history keeps it.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var stageOptions: StageOptions

        @Argument(help: "The record id (default: the record of your latest decision at the stage).")
        var record: Int64?

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            let stage = stageOptions.stage
            let reviewer = try registry.reviewer(named: name)
            guard let record = try record ?? registry.lastDecisionRecord(stage: stage, reviewer: reviewer) else {
                throw StoreError.noDecisionToWithdraw(record: 0, stage: stage, reviewer: name)
            }
            try context.write(reviewer: name) { revision in
                try registry.withdrawDecision(record: record, stage: stage, reviewer: reviewer, revision: revision)
            }
            Output.print("Withdrew \(name)'s \(stage.rawValue) decision on record \(record); it waits for \(name) again")
        }
    }

    struct Interactive: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "Screen at the keyboard (the default): one record card at a time, one key per decision.",
            discussion: """
                Keys: i include, e exclude, m maybe, s skip for now, u undo my last decision, n note, q quit, ? help. \
                Every key is written at once as its own revision, so quitting or closing the terminal loses nothing. \
                Records come in the order of 'screen next'; words from 'livrev terms' are highlighted.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var stageOptions: StageOptions

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let reviewer = try registry.reviewer(named: try reviewerOptions.requireReviewer())
            let terminal = try RawTerminal()
            var session = ScreeningSession(
                registry: registry, reviewer: reviewer, stage: stageOptions.stage, terminal: terminal)
            let summary: String
            do {
                summary = try session.run()
            } catch {
                terminal.write("\u{1B}[H\u{1B}[2J")
                terminal.restore()
                throw error
            }
            terminal.write("\u{1B}[H\u{1B}[2J")
            terminal.restore()
            Output.print(summary, terminator: "")
        }
    }
}
