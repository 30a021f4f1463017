import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev reviewer add|list`: the review team.
struct ReviewerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviewer", abstract: "Manage the review team.", subcommands: [Add.self, List.self])

    struct Add: RegistryCommand {
        static let configuration = CommandConfiguration(abstract: "Add a reviewer or an arbiter to the team.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The reviewer's name, as they will give it with --as.")
        var name: String

        @Option(help: "What they may do: screen and judge, or also resolve conflicts.")
        var role: ReviewerRole = .reviewer

        func validate() throws {
            try InputRules.name(name, "a reviewer's name")
        }

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.addReviewer(name, role: role, revision: revision)
            }
            Output.print("Added \(role.rawValue) \(name)")
        }
    }

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json, .csv]
        static let configuration = CommandConfiguration(abstract: "List the team.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let team = try context.registry.reviewers(at: snapshot.revision(in: context))
            switch format {
            case .json:
                Output.print(
                    JSONValue.array(team.map { .object([("name", .string($0.name)), ("role", .string($0.role.rawValue))]) })
                        .rendered(pretty: true))
            case .csv:
                Output.print(
                    CSVWriter.rendered(header: ["name", "role"], rows: team.map { [$0.name, $0.role.rawValue] }), terminator: "")
            case .text, .svg:
                Output.print(
                    TextTable(header: ["name", "role"], rows: team.map { [$0.name, $0.role.rawValue] }).rendered(),
                    terminator: "")
            }
        }
    }
}

extension ReviewerRole: ExpressibleByArgument {}
