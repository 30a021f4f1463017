import ArgumentParser
import LivrevStore

/// `livrev init --title T`: create a registry.
struct Init: RegistryCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new registry file.")
    static let createsRegistry = true

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reviewerOptions: ReviewerOptions

    @Option(help: "The review's title.")
    var title: String

    func validate() throws {
        try InputRules.name(title, "the review's title (--title)")
    }

    func run(_ context: CommandContext) throws {
        _ = try Registry.create(
            path: context.path, title: title, reviewer: reviewerOptions.resolvedName, command: CommandContext.commandLine)
        Output.print("Created \(context.path): \(title)")
    }
}
