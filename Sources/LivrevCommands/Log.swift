import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev log`: the audit trail.
struct Log: RegistryCommand {
    static let configuration = CommandConfiguration(abstract: "Print the audit trail: every revision, who, when, what.")

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var snapshot: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run(_ context: CommandContext) throws {
        let entries = try context.registry.log(at: snapshot.revision(in: context))
        if format == .json {
            let items = entries.map { entry in
                JSONValue.object([
                    ("revision", .integer(Int(entry.id))), ("time", .string(entry.createdAt)),
                    ("reviewer", .string(entry.reviewer)), ("command", .string(entry.command)),
                ])
            }
            Output.print(JSONValue.array(items).rendered(pretty: true))
            return
        }
        let rows = entries.map { [String($0.id), $0.createdAt, $0.reviewer ?? "—", $0.command] }
        Output.print(TextTable(header: ["revision", "time", "reviewer", "command"], rows: rows).rendered(), terminator: "")
    }
}
