import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev terms add|remove|list`: the words highlighted on record cards.
struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms", abstract: "Words to highlight on record cards (keyboard screener and served pages).",
        discussion: """
            Include terms show in green, exclude terms in red; a term matches whole words in any case, and a \\
            trailing * any ending: 'livrev terms add include randomi* placebo', 'livrev terms add exclude mice rats'.
            """,
        subcommands: [Add.self, Remove.self, List.self])

    struct Add: RegistryCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add words to the include or exclude list.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "include or exclude.")
        var list: ScreeningTermList

        @Argument(help: "The words (a trailing * matches any ending).")
        var terms: [String]

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.setScreeningTerms(terms, list: list, active: true, revision: revision)
            }
            Output.print(try TermsCommand.listed(context.registry.screeningTerms()), terminator: "")
        }
    }

    struct Remove: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Take words off the include or exclude list.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "include or exclude.")
        var list: ScreeningTermList

        @Argument(help: "The words.")
        var terms: [String]

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.setScreeningTerms(terms, list: list, active: false, revision: revision)
            }
            Output.print(try TermsCommand.listed(context.registry.screeningTerms()), terminator: "")
        }
    }

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show both lists.")

        @OptionGroup var registryOptions: RegistryOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let terms = try context.registry.screeningTerms()
            if format == .json {
                Output.print(
                    JSONValue.object([
                        ("include", .array(terms.include.map(JSONValue.string))),
                        ("exclude", .array(terms.exclude.map(JSONValue.string))),
                    ]).rendered(pretty: true))
            } else {
                Output.print(TermsCommand.listed(terms), terminator: "")
            }
        }
    }

    static func listed(_ terms: ScreeningTerms) -> String {
        "include: " + (terms.include.isEmpty ? "—" : terms.include.joined(separator: ", ")) + "\n"
            + "exclude: " + (terms.exclude.isEmpty ? "—" : terms.exclude.joined(separator: ", ")) + "\n"
    }
}

extension ScreeningTermList: ExpressibleByArgument {}
