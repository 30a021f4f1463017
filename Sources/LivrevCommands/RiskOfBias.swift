import ArgumentParser
import LivrevReports
import LivrevStore
import RiskOfBias

/// `livrev rob set|import|conflicts|resolve|summary`: dual risk-of-bias assessment.
struct RiskOfBiasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rob", abstract: "Judge risk of bias in pairs (Cochrane RoB 1 or RoB 2).",
        subcommands: [SetJudgement.self, ImportJudgements.self, Conflicts.self, Resolve.self, Summary.self])

    struct ToolOption: ParsableArguments {
        @Option(help: "The tool: rob1 (7 domains; low/unclear/high) or rob2 (5 domains; low/some_concerns/high).")
        var tool: RiskOfBiasTool = .rob1
    }

    struct SetJudgement: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Record your judgement of one domain of one study.",
            discussion: "For RoB 2, domain 'overall' records an override of the tool's algorithm; give --support.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var toolOption: ToolOption

        @OptionGroup var judged: JudgementArguments

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            try context.write(reviewer: name) { revision in
                try registry.setRiskOfBias(
                    study: judged.study, tool: toolOption.tool, domain: judged.domain, judgement: judged.judgement,
                    support: judged.support, reviewer: try registry.reviewer(named: name), revision: revision)
            }
            Output.print(
                "Recorded \(toolOption.tool.rawValue) \(judged.domain) = \(judged.judgement) for \(judged.study) by \(name)")
        }
    }

    struct Conflicts: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "conflicts", abstract: "List domains whose reviewers disagree.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var toolOption: ToolOption
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let conflicts = try context.registry.riskOfBiasDomains(
                tool: toolOption.tool, at: snapshot.revision(in: context)
            ).filter(\.inConflict)
            if format == .json {
                Output.print(
                    JSONValue.array(
                        conflicts.map { state in
                            .object([
                                ("study", .string(state.study)), ("domain", .string(state.domain)),
                                (
                                    "judgements",
                                    .object(
                                        state.judgements.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.rawValue)) })
                                ),
                            ])
                        }
                    ).rendered(pretty: true))
                return
            }
            guard !conflicts.isEmpty else {
                Output.print("No unresolved risk-of-bias conflicts (\(toolOption.tool.rawValue))")
                return
            }
            let rows = conflicts.map { state in
                [
                    state.study, state.domain,
                    state.judgements.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.rawValue)" }
                        .joined(separator: ", "),
                ]
            }
            Output.print(TextTable(header: ["study", "domain", "judgements"], rows: rows).rendered(), terminator: "")
        }
    }

    struct Resolve: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Record the final judgement on a disagreement (an arbiter, or a judge with --consensus).")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var toolOption: ToolOption

        @OptionGroup var judged: JudgementArguments

        @OptionGroup var consensus: ConsensusOptions

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
            try consensus.validate()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            try context.write(reviewer: name) { revision in
                try registry.resolveRiskOfBias(
                    study: judged.study, tool: toolOption.tool, domain: judged.domain, judgement: judged.judgement,
                    support: judged.support, reviewer: try registry.reviewer(named: name),
                    consensus: try consensus.partner(in: registry), revision: revision)
            }
            Output.print("Resolved \(judged.study) \(judged.domain): \(judged.judgement)")
        }
    }
}

extension RiskOfBiasTool: ExpressibleByArgument {}
