import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev snapshot create|list|diff`: named, frozen versions of the whole registry.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot", abstract: "Name versions of the review; read any of them later with --at.",
        subcommands: [Create.self, List.self, Diff.self])

    struct Create: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Name the registry's current state (O(1): nothing is copied).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "A unique name, e.g. v2 or 2026-11.")
        var name: String

        @Option(help: "What this version is.")
        var note: String?

        func validate() throws {
            try InputRules.name(name, "a snapshot's name")
        }

        func run(_ context: CommandContext) throws {
            let snapshot = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.createSnapshot(name, note: note, revision: revision)
            }
            Output.print("Snapshot \(snapshot.name) names revision \(snapshot.atRevision)")
            // The seal of the revision the snapshot names: publish it with the version it reports.
            Output.print("Seal: \(try context.registry.seal(of: snapshot.atRevision) ?? "none")")
        }
    }

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the snapshots with what each holds.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshotOptions: SnapshotOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let snapshots = try registry.snapshots(at: snapshotOptions.revision(in: context))
            let counted = try snapshots.map { ($0, try registry.contents(at: $0.atRevision)) }
            if format == .json {
                Output.print(
                    JSONValue.array(
                        counted.map { snapshot, counts in
                            .object(
                                [
                                    ("name", .string(snapshot.name)), ("revision", .integer(Int(snapshot.atRevision))),
                                    ("time", .string(snapshot.createdAt)), ("reviewer", .string(snapshot.reviewer)),
                                    ("note", .string(snapshot.note)),
                                ] + counts.map { ($0.label, .integer($0.count)) })
                        }
                    ).rendered(pretty: true))
                return
            }
            let rows = counted.map { snapshot, counts in
                [snapshot.name, String(snapshot.atRevision), snapshot.createdAt, snapshot.reviewer ?? "—"]
                    + counts.map { String($0.count) } + [snapshot.note ?? ""]
            }
            let header = ["name", "revision", "time", "by"] + (counted.first?.1.map(\.label) ?? []) + ["note"]
            Output.print(TextTable(header: header, rows: rows).rendered(), terminator: "")
        }
    }
}
