import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev reasons add|remove|list`: the review's full-text exclusion reasons, set once.
struct ReasonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reasons", abstract: "Set the review's full-text exclusion reasons once; every command offers them.",
        discussion: """
            Once the review has a list, a full-text exclusion (screen decide, screen import, resolve, the keyboard \\
            screener) must give one of its reasons, by its words (any case) or its number in the list, so PRISMA's \\
            'reports excluded' box counts each reason once. With no list any reason is taken as written.
            """,
        subcommands: [Add.self, Remove.self, List.self])

    struct Add: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add exclusion reasons to the review's list.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The reasons, each one argument (quote reasons of several words).")
        var reasons: [String]

        func run(_ context: CommandContext) throws {
            let added = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.setExclusionReasons(reasons, active: true, revision: revision)
            }
            let all = try context.registry.exclusionReasons()
            Output.print("Added \(added.count) reason\(added.count == 1 ? "" : "s"); the review's exclusion reasons:")
            Output.print(ReasonsCommand.numbered(all), terminator: "")
        }
    }

    struct Remove: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Take reasons off the list (decisions that gave them keep them; history keeps everything).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The reasons, as listed.")
        var reasons: [String]

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.setExclusionReasons(reasons, active: false, revision: revision)
            }
            Output.print("Removed \(reasons.count) reason\(reasons.count == 1 ? "" : "s")")
        }
    }

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the review's exclusion reasons, numbered.")

        @OptionGroup var registryOptions: RegistryOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let reasons = try context.registry.exclusionReasons()
            if format == .json {
                Output.print(JSONValue.array(reasons.map(JSONValue.string)).rendered(pretty: true))
            } else if reasons.isEmpty {
                Output.print("No exclusion reasons yet: add them with 'livrev reasons add \"wrong population\" …'")
            } else {
                Output.print(ReasonsCommand.numbered(reasons), terminator: "")
            }
        }
    }

    static func numbered(_ reasons: [String]) -> String {
        TextTable(header: ["#", "reason"], rows: reasons.enumerated().map { [String($0 + 1), $1] }).rendered()
    }
}
