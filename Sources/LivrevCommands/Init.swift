import ArgumentParser
import LivrevStore

/// `livrev init --title T`: create a registry.
struct Init: RegistryCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new registry file.")
    static let createsRegistry = true

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reviewerOptions: ReviewerOptions

    @Option(help: "The review's title.")
    var title: String

    @Option(
        help: """
            How outcome data and characteristics are extracted: dual (two extractors each enter every row; a row \
            counts once they agree or an arbiter resolves it) or single (rows count as imported).
            """)
    var extraction: ExtractionMode = .dual

    func validate() throws {
        try InputRules.name(title, "the review's title (--title)")
    }

    func run(_ context: CommandContext) throws {
        _ = try Registry.create(
            path: context.path, title: title, extraction: extraction, reviewer: reviewerOptions.resolvedName,
            command: CommandContext.commandLine, settings: .fromEnvironment)
        Output.print("Created \(context.path): \(title) (\(extraction.rawValue) extraction)")
    }
}

extension ExtractionMode: ExpressibleByArgument {}
