import ArgumentParser

/// The root command: lists the subcommands, nothing else.
public struct LivrevCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "livrev",
        abstract: "A living systematic-review registry: screening, PRISMA counts and meta-analysis in one file.",
        discussion: """
            New here? 'livrev demo' builds the bundled example review into demo.livrev and shows what livrev \
            does; then try 'livrev pool --all --db demo.livrev' or 'livrev report --out review.html --db demo.livrev'. \
            Every command takes --db PATH (default $LIVREV_DB, else ./review.livrev).
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, ReviewerCommand.self, SearchCommand.self, ImportCommand.self, RecordsCommand.self, Dedup.self,
            ScreenCommand.self, NoteCommand.self, ReasonsCommand.self, TermsCommand.self, Conflicts.self, Resolve.self,
            Retrieve.self, AgreementCommand.self, Prisma.self,
            StudyCommand.self, PreviousCommand.self, OutcomeCommand.self, DataCommand.self, ExtractionCommand.self,
            RiskOfBiasCommand.self, Check.self,
            Pool.self, CumulativeCommand.self, SequentialCommand.self, SnapshotCommand.self, Log.self, Verify.self,
            Demo.self, Report.self, Export.self, Simulate.self, Serve.self, HelpTopic.self,
        ]
    )

    public init() {}
}
