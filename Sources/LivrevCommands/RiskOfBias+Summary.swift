import ArgumentParser
import LivrevReports
import LivrevStore

extension RiskOfBiasCommand {
    struct Summary: RegistryCommand {
        static let configuration = CommandConfiguration(
            abstract: "The final judgement per study and domain, and overall (derived, never typed twice).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var toolOption: ToolOption
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let tool = toolOption.tool
            let summaries = try context.registry.riskOfBiasSummaries(tool: tool, at: snapshot.revision(in: context))
            switch format {
            case .json:
                Output.print(JSONValue.array(summaries.map { summary in
                    .object([
                        ("study", .string(summary.study)), ("tool", .string(tool.rawValue)),
                        ("domains", .object(tool.domains.map { ($0, .string(summary.domains[$0])) })),
                        ("overall", .string(summary.overall)), ("overridden", .bool(summary.overridden)),
                    ])
                }).rendered(pretty: true))
            default:
                let header = ["study"] + tool.domains.indices.map { "D\($0 + 1)" } + ["overall"]
                let rows = summaries.map { summary in
                    [summary.study] + tool.domains.map { Self.symbol(summary.domains[$0]) }
                        + [Self.symbol(summary.overall) + (summary.overridden ? "*" : "")]
                }
                Output.print(TextTable(header: header, rows: rows).rendered(), terminator: "")
                Output.print("\n" + tool.domains.enumerated().map { "D\($0.offset + 1) = \($0.element)" }.joined(separator: "; "))
                Output.print("+ low, ? \(tool.levels[1].replacingOccurrences(of: "_", with: " ")), − high, · not assessed; * overall set by a reviewer")
            }
        }

        private static func symbol(_ judgement: String?) -> String {
            switch judgement {
            case "low": "+"
            case "high": "−"
            case nil: "·"
            default: "?"
            }
        }
    }
}
