import ArgumentParser
import LivrevReports
import LivrevStore

extension DataCommand {
    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json, .csv]
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the current outcome rows with the row ids that 'data retract' takes.",
            discussion: """
                Rows that dual extraction consolidated have no row id ('—', null in JSON): extractors correct \
                them with 'data import --replace --as NAME'.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Only this outcome's rows.")
        var outcome: String?

        @Option(help: "Only this study's rows.")
        var study: String?

        @Option(help: "Output format: text, json or csv.")
        var format: OutputFormat = .text

        @Flag(help: "Print every column at full width instead of fitting 100 columns.")
        var wide = false

        func run(_ context: CommandContext) throws {
            let revision = try snapshot.revision(in: context)
            if let outcome { _ = try context.registry.outcome(named: outcome, at: revision) }
            let rows = try context.registry.outcomeRows(outcome: outcome, at: revision).filter {
                study == nil || $0.study == study
            }
            let header = ["row", "study", "outcome", "label", "data", "source"]
            let table = rows.map { row -> [String] in
                [
                    row.isRecorded ? String(row.id) : "—", row.study, row.outcome, row.label ?? "",
                    DataCommand.List.values(row.data),
                    row.sourceFile.map { file in
                        (file.split(separator: "/").last.map(String.init) ?? file) + (row.sourceLine.map { ":\($0)" } ?? "")
                    } ?? "",
                ]
            }
            switch format {
            case .json:
                Output.print(
                    JSONValue.array(
                        zip(rows, table).map { row, cells in
                            .object([
                                ("row", row.isRecorded ? .integer(Int(row.id)) : .null), ("study", .string(row.study)),
                                ("outcome", .string(row.outcome)),
                                ("label", .string(row.label)), ("data", .string(cells[4])), ("source", .string(cells[5])),
                            ])
                        }
                    ).rendered(pretty: true))
            case .csv:
                Output.print(CSVWriter.rendered(header: header, rows: table), terminator: "")
            default:
                Output.print(TextTable(header: header, rows: table).rendered(width: wide ? nil : 100), terminator: "")
            }
        }

        /// The numbers of a row as extracted: "3/40 vs 1/38", "HR 0.82 (0.61–1.10)", "yi 0.1 (se 0.2)", "5/20".
        static func values(_ data: OutcomeData) -> String {
            switch data {
            case .dichotomous(let et, let nt, let ec, let nc): "\(et)/\(nt) vs \(ec)/\(nc)"
            case .ratio(let measure, let estimate, let lower, let upper): "\(measure) \(estimate) (\(lower) to \(upper))"
            case .effect(let yi, let sei): "yi \(yi) (se \(sei))"
            case .singleArm(let events, let n): "\(events)/\(n)"
            }
        }
    }
}
