import ArgumentParser
import LivrevAnalysis
import LivrevReports
import LivrevStore

extension SnapshotCommand {
    struct Diff: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What changed between two snapshots: facts added, corrected or retracted, and each outcome's result.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var options: PoolOptions

        @Argument(help: "The earlier snapshot.")
        var from: String

        @Argument(help: "The later snapshot (or a revision number).")
        var to: String

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let a = try SnapshotOptions.resolve(from, in: context)
            let b = try SnapshotOptions.resolve(to, in: context)
            let facts = try registry.factChanges(from: a, to: b)
            let before = try Pool.analyses(registry, outcome: nil, options: options, at: a, snapshot: from)
            let after = try Pool.analyses(registry, outcome: nil, options: options, at: b, snapshot: to)
            let changes = OutcomeChange.pair(before: before, after: after)
            if format == .json {
                Output.print(
                    JSONValue.object([
                        ("from", .string(from)), ("to", .string(to)),
                        (
                            "facts",
                            .array(
                                facts.map { change in
                                    .object([
                                        ("kind", .string(change.kind)), ("added", .integer(change.added)),
                                        ("corrected", .integer(change.corrected)), ("retracted", .integer(change.retracted)),
                                    ])
                                })
                        ),
                        ("outcomes", .array(changes.map(\.json))),
                    ]).rendered(pretty: true))
                return
            }
            Output.print("From \(from) (revision \(a)) to \(to) (revision \(b))\n")
            let rows = facts.filter { $0.added + $0.corrected + $0.retracted > 0 }
                .map { [$0.kind, String($0.added), String($0.corrected), String($0.retracted)] }
            Output.print(
                rows.isEmpty
                    ? "No facts changed.\n"
                    : TextTable(header: ["facts", "added", "corrected", "retracted"], rows: rows).rendered())
            Output.print(OutcomeChange.table(changes), terminator: "")
        }
    }
}

extension SnapshotOptions {
    /// A snapshot's revision, or a revision number.
    static func resolve(_ name: String, in context: CommandContext) throws -> Int64 {
        var options = SnapshotOptions()
        options.at = name
        return try options.revision(in: context)
    }
}
