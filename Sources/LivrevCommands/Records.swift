import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev records list`: every record with its status.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records", abstract: "Look at the imported records.", subcommands: [List.self])

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .csv, .json]
        static let configuration = CommandConfiguration(
            abstract: "List every record: id, title, year, doi, pmid, search, duplicate_of, status.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format: text, csv or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let records = try context.registry.records(at: snapshot.revision(in: context))
            let header = ["id", "title", "year", "doi", "pmid", "search", "duplicate_of", "status"]
            switch format {
            case .json:
                let items = records.map { record in
                    JSONValue.object([
                        ("id", .integer(Int(record.id))), ("title", .string(record.title)), ("year", .integer(record.year)),
                        ("doi", .string(record.doi)), ("pmid", .string(record.pmid)), ("search", .integer(Int(record.search))),
                        ("duplicate_of", .integer(record.duplicateOf.map { Int($0) })),
                        ("status", .string(record.status.rawValue)),
                    ])
                }
                Output.print(JSONValue.array(items).rendered(pretty: true))
            case .csv:
                let rows = records.map { record in
                    [
                        String(record.id), record.title, record.year.map(String.init) ?? "", record.doi ?? "", record.pmid ?? "",
                        String(record.search), record.duplicateOf.map(String.init) ?? "", record.status.rawValue,
                    ]
                }
                Output.print(CSVWriter.rendered(header: header, rows: rows), terminator: "")
            case .text, .svg:
                let rows = records.map { record in
                    [
                        String(record.id), String(record.search), record.year.map(String.init) ?? "",
                        record.status.rawValue, record.duplicateOf.map(String.init) ?? "", Text.truncated(record.title, to: 70),
                    ]
                }
                Output.print(
                    TextTable(header: ["id", "search", "year", "status", "dup_of", "title"], rows: rows).rendered(),
                    terminator: "")
            }
        }
    }
}

enum Text {
    /// `text` cut to `width` characters with an ellipsis.
    static func truncated(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
