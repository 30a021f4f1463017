import ArgumentParser
import LivrevStore

/// `livrev extraction mode [dual|single]`: how new outcome data and characteristics are recorded.
struct ExtractionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction", abstract: "How outcome data and characteristics are extracted.",
        subcommands: [Mode.self])

    struct Mode: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "mode",
            abstract: "Show the extraction mode, or change it (a logged revision).",
            discussion: """
                dual: 'data import' and 'study import' record --as R's own extraction; a row counts once two \
                extractors agree or an arbiter resolves it. single: rows count as imported. A registry made \
                before dual extraction existed is single until changed here. Changing the mode leaves every row \
                already entered as it stands.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The new mode (omit to show the current one).")
        var mode: ExtractionMode?

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            guard let mode else {
                Output.print(try registry.extractionMode().rawValue)
                return
            }
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try registry.setExtractionMode(mode, revision: revision)
            }
            Output.print("Extraction is now \(mode.rawValue)")
        }
    }
}
