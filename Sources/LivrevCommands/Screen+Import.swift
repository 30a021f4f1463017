import ArgumentParser
import LivrevStore

extension ScreenCommand {
    struct ImportDecisions: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Record many decisions at once from a CSV file: record,decision[,reason].",
            discussion:
                "All or nothing: a row the review rules refuse stops the import, naming its line, and nothing is recorded.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions
        @OptionGroup var stageOptions: StageOptions

        @Argument(help: "The CSV file.")
        var file: String

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            let stage = stageOptions.stage
            try InputFile.require(file)
            let count = try context.write(reviewer: name) { revision in
                try Self.record(
                    file: file, stage: stage, by: try registry.reviewer(named: name), in: registry, revision: revision)
            }
            Output.print("Recorded \(count) \(stage.rawValue) decisions for \(name) from \(file)")
        }

        /// Records every decision of `file` by `reviewer` as part of `revision`; returns how many.
        ///
        /// - Throws: `CommandError.badRow` naming the line a review rule refuses; the file's own errors.
        static func record(file: String, stage: ScreeningStage, by reviewer: Reviewer, in registry: Registry, revision: Int64)
            throws -> Int
        {
            let rows = try DecisionsFile.read(file)
            for row in rows {
                do {
                    try registry.decide(
                        record: row.record, stage: stage, decision: row.decision, reason: row.reason,
                        reviewer: reviewer, revision: revision)
                } catch let error as StoreError {
                    throw CommandError.badRow(file: file, line: row.line, message: error.description)
                }
            }
            return rows.count
        }
    }
}
