import ArgumentParser
import LivrevStore

/// `livrev resolve RECORD DECISION --stage S --as R [--consensus]`: the final word on a conflict.
struct Resolve: RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Record the final decision on a conflict.",
        discussion: """
            R must be an arbiter, or one of the two reviewers with --consensus --with OTHER when they agreed on the \
            outcome together; both are recorded.
            """)

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reviewerOptions: ReviewerOptions
    @OptionGroup var stageOptions: StageOptions

    @OptionGroup var vote: DecisionArguments

    @OptionGroup var consensus: ConsensusOptions

    func validate() throws {
        _ = try reviewerOptions.requireReviewer()
        try vote.validate(at: stageOptions.stage)
        try consensus.validate()
    }

    func run(_ context: CommandContext) throws {
        let registry = context.registry
        let name = try reviewerOptions.requireReviewer()
        try context.write(reviewer: name) { revision in
            try registry.resolve(
                record: vote.record, stage: stageOptions.stage, decision: vote.decision, reason: vote.reason,
                reviewer: try registry.reviewer(named: name), consensus: try consensus.partner(in: registry),
                revision: revision)
        }
        Output.print(Self.summary(record: vote.record, stage: stageOptions.stage, decision: vote.decision))
    }

    static func summary(record: Int64, stage: ScreeningStage, decision: ScreeningDecision) -> String {
        "Resolved record \(record) at \(stage.rawValue): \(decision.rawValue)"
    }
}
