import ArgumentParser
import Foundation
import LivrevReports
import LivrevServer
import LivrevStore

/// `livrev reviewer add|list|password|role`: the review team and their accounts for `serve`.
struct ReviewerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviewer", abstract: "Manage the review team.",
        subcommands: [Add.self, List.self, Password.self, Role.self])

    struct Add: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a reviewer, an arbiter or a lead to the team.",
            discussion: """
                With --password-stdin the first line of standard input becomes their password for \
                'livrev serve' (stored only as a bcrypt hash); without it they work on the command line only.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The reviewer's name, as they will give it with --as.")
        var name: String

        @Option(help: "What they may do: screen and judge, also resolve conflicts, or also run the team in serve.")
        var role: ReviewerRole = .reviewer

        @Flag(help: "Read their password for 'livrev serve' from the first line of standard input.")
        var passwordStdin = false

        func validate() throws {
            try InputRules.name(name, "a reviewer's name")
        }

        func run(_ context: CommandContext) throws {
            let hash = try passwordStdin ? PasswordInput.readHash() : nil
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.addReviewer(name, role: role, passwordHash: hash, revision: revision)
            }
            Output.print("Added \(role.rawValue) \(name)" + (hash == nil ? "" : " (with a password for serve)"))
        }
    }

    struct Password: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set a reviewer's password for 'livrev serve' from standard input (the old one stops working).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The reviewer's name.")
        var name: String

        @Flag(help: "Read the password from the first line of standard input (the only way to give it).")
        var passwordStdin = false

        func validate() throws {
            guard passwordStdin else {
                throw ValidationError("give the password on standard input with '--password-stdin' (never as an argument)")
            }
        }

        func run(_ context: CommandContext) throws {
            let hash = try PasswordInput.readHash()
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.setPassword(hash: hash, of: name, revision: revision)
            }
            Output.print("Set a new password for \(name)")
        }
    }

    struct Role: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: "Change a reviewer's role from now on (earlier revisions keep the old one).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The reviewer's name.")
        var name: String

        @Argument(help: "The new role.")
        var role: ReviewerRole

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.setRole(role, of: name, revision: revision)
            }
            Output.print("\(name) is now \(role == .arbiter ? "an" : "a") \(role.rawValue)")
        }
    }

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json, .csv]
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the team.")

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

/// A password typed or piped on standard input: never an argument, so never in a revision's
/// command line, the shell history or `ps`.
enum PasswordInput {
    /// The bcrypt hash of the first line of standard input (its line ending dropped).
    ///
    /// - Throws: `CommandError.noPassword` when that line is empty or missing.
    static func readHash() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw CommandError.noPassword }
        return PasswordHashing.hash(line)
    }
}
