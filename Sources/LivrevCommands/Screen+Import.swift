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
                let reviewer = try registry.reviewer(named: name)
                let csv = try CSVReader(path: file)
                let recordColumn = try csv.requiredColumn("record")
                let decisionColumn = try csv.requiredColumn("decision")
                let reasonColumn = csv.column("reason")
                var count = 0
                try csv.forEach { row in
                    guard let record = try csv.int(recordColumn, in: row) else {
                        throw csv.invalid(recordColumn, row, expected: "a record id")
                    }
                    let text = csv.string(decisionColumn, in: row) ?? ""
                    guard let decision = ScreeningDecision(rawValue: text.lowercased()) else {
                        throw csv.invalid(decisionColumn, row, expected: "include, exclude or maybe")
                    }
                    let reason = reasonColumn.flatMap { csv.string($0, in: row) }.flatMap { $0.isEmpty ? nil : $0 }
                    do {
                        try registry.decide(
                            record: Int64(record), stage: stage, decision: decision, reason: reason,
                            reviewer: reviewer, revision: revision)
                    } catch let error as StoreError {
                        throw CommandError.badRow(file: file, line: row.line, message: error.description)
                    }
                    count += 1
                }
                return count
            }
            Output.print("Recorded \(count) \(stage.rawValue) decisions for \(name) from \(file)")
        }
    }
}
