import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev records list|show|export`: the imported records.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records", abstract: "Look at the imported records.",
        subcommands: [List.self, Show.self, Export.self])

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .csv, .json]
        static let configuration = CommandConfiguration(
            commandName: "list",
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
                        ("id", .integer(Int(record.id))), ("title", .string(record.title.isEmpty ? nil : record.title)),
                        ("year", .integer(record.year)), ("doi", .string(record.doi)), ("pmid", .string(record.pmid)),
                        ("search", .integer(Int(record.search))),
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
                    ].map(SafeText.csvCell)
                }
                Output.print(CSVWriter.rendered(header: header, rows: rows), terminator: "")
            case .text, .svg:
                let rows = records.map { record in
                    [
                        String(record.id), String(record.search), record.year.map(String.init) ?? "",
                        record.status.rawValue, record.duplicateOf.map(String.init) ?? "",
                        Text.truncated(record.title.isEmpty ? "(no title)" : SafeText.singleLine(record.title), to: 70),
                    ]
                }
                Output.print(
                    TextTable(header: ["id", "search", "year", "status", "dup_of", "title"], rows: rows).rendered(),
                    terminator: "")
            }
        }
    }

    struct Show: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every stored field of one record.",
            discussion: "Fields: \(RecordFields.names.joined(separator: ", ")).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Argument(help: "The record's id.")
        var record: Int64

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let stored = try context.registry.storedRecord(record, at: snapshot.revision(in: context))
            if format == .json {
                Output.print(RecordFields.json(stored).rendered(pretty: true))
            } else {
                Output.print(RecordFields.text(stored), terminator: "")
            }
        }
    }

    struct Export: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export records with every stored field, as RIS (for a reference manager), CSV or JSON.",
            discussion: "Records come in id order; without --status every record is exported.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case ris, csv, json
        }

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format.")
        var format: Format = .ris

        @Option(help: "Only records with this status (e.g. included).")
        var status: RecordStatus?

        func run(_ context: CommandContext) throws {
            let records = try context.registry.storedRecords(at: snapshot.revision(in: context), status: status)
            switch format {
            case .json:
                Output.print(JSONValue.array(records.map(RecordFields.json)).rendered(pretty: true))
            case .csv:
                Output.print(
                    CSVWriter.rendered(header: RecordFields.names, rows: records.map(RecordFields.csvRow)), terminator: "")
            case .ris:
                Output.print(records.map(RecordFields.ris).joined(), terminator: "")
            }
        }
    }
}

extension RecordStatus: ExpressibleByArgument {}

enum Text {
    /// `text` cut to `width` characters with an ellipsis.
    static func truncated(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
