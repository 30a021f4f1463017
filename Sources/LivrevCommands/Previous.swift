import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev previous counts FILE`: the previous version's flow counts, as published.
struct PreviousCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "previous",
        abstract: "Bring in the previous version of a review (for an update, or a review migrated into livrev).",
        discussion: """
            The previous version's included reports go into a search added with 'search add --previous' (import them \
            with 'import records', group them with 'study add'); PRISMA then shows the updated-review boxes. Its \
            published flow counts, the only counts livrev takes as typed, come in with 'previous counts'.
            """,
        subcommands: [Counts.self])

    struct Counts: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "counts",
            abstract: "Record the previous version's published flow counts from a CSV file: stage,count[,note].",
            discussion: "Stages are free text (e.g. records_identified, full_text_assessed); 'check' tests their arithmetic.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The CSV file.")
        var file: String

        func run(_ context: CommandContext) throws {
            try InputFile.require(file)
            let counts = try PreviousCountsFile.read(file)
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.recordPublishedPreviousCounts(counts, revision: revision)
            }
            Output.print(
                TextTable(header: ["stage", "count"], rows: counts.map { [$0.stage, String($0.count)] }).rendered(),
                terminator: "")
        }
    }
}
