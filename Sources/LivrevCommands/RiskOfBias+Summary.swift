import ArgumentParser
import LivrevReports
import LivrevStore
import RiskOfBias

extension RiskOfBiasCommand {
    struct Summary: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json, .svg]
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract: "The final judgement per study and domain, and overall (derived, never typed twice).",
            discussion: """
                --format svg prints one SVG document: the traffic-light table (one row per study, one light per domain \
                and overall) above the summary bars (share of studies, or of participants with --weights n, at each \
                level per domain). --out FILE writes it to a file instead of stdout.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var toolOption: ToolOption
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format: text, json, or svg (traffic lights above summary bars, one SVG document).")
        var format: OutputFormat = .text

        @Option(
            help: ArgumentHelp(
                "With --format svg: weight the summary bars by each study's participants (n) or count studies equally (equal, the default).",
                valueName: "n|equal"))
        var weights: RiskOfBiasWeighting?

        @Option(help: ArgumentHelp("With --format svg: write the figure to this file instead of stdout.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard format != .csv else { throw ValidationError("'rob summary' prints text, json or svg") }
            if format != .svg, out != nil || weights != nil {
                throw ValidationError("'--out' and '--weights' go with '--format svg'")
            }
        }

        func run(_ context: CommandContext) throws {
            let tool = toolOption.tool
            let revision = try snapshot.revision(in: context)
            let summaries = try context.registry.riskOfBiasSummaries(tool: tool, at: revision)
            if format == .svg {
                let lights = RiskOfBiasLights(tool: tool, summaries: summaries)
                let svg = try RiskOfBiasFigure.combined(
                    lights, registry: context.registry, at: revision, weighting: weights ?? .equal)
                if let out { try Output.writeFile(svg, to: out) } else { Output.print(svg, terminator: "") }
                return
            }
            switch format {
            case .json:
                Output.print(
                    JSONValue.array(
                        summaries.map { summary in
                            .object([
                                ("study", .string(summary.study)), ("tool", .string(tool.rawValue)),
                                ("domains", .object(tool.domainKeys.map { ($0, .string(summary.domains[$0]?.rawValue)) })),
                                ("overall", .string(summary.overall?.rawValue)), ("overridden", .bool(summary.overridden)),
                            ])
                        }
                    ).rendered(pretty: true))
            default:
                let header = ["study"] + tool.domains.indices.map { "D\($0 + 1)" } + ["overall"]
                let rows = summaries.map { summary in
                    [summary.study] + tool.domainKeys.map { Self.symbol(summary.domains[$0]) }
                        + [Self.symbol(summary.overall) + (summary.overridden ? "*" : "")]
                }
                Output.print(TextTable(header: header, rows: rows).rendered(), terminator: "")
                let key = tool.domainKeys.enumerated().map { "D\($0.offset + 1) = \($0.element)" }.joined(separator: "; ")
                Output.print("\n" + TextTable.wrapped(key, width: TextTable.terminalWidth).joined(separator: "\n"))
                Output.print(
                    "+ low, ? \(tool.levels[1].rawValue.replacingOccurrences(of: "_", with: " ")), − high, · not assessed; * overall set by a reviewer"
                )
            }
        }

        private static func symbol(_ judgement: RiskOfBiasLevel?) -> String {
            switch judgement {
            case .low: "+"
            case .high: "−"
            case nil: "·"
            case .unclear, .someConcerns: "?"
            }
        }
    }
}
