import ArgumentParser
import LivrevStore

extension StudyCommand {
    struct ImportCharacteristics: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import study characteristics: a CSV with a 'study' column and one column per characteristic.",
            discussion: """
                Values are kept verbatim; a value that is a number is also stored as one. Empty cells are skipped. \
                A later import of the same characteristic supersedes the earlier value (both stay in history). \
                Every study must exist (see 'study add').
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The CSV file.")
        var file: String

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            try InputFile.require(file)
            let (studies, values) = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                let rows = try CharacteristicsFile.read(file)
                for row in rows {
                    guard try registry.studyID(row.study) != nil else {
                        throw CommandError.unknownInRow(
                            file: file, line: row.line, message: "no study '\(row.study)' (add it with 'livrev study add')")
                    }
                    try registry.setCharacteristics(study: row.study, values: row.values, revision: revision)
                }
                return (rows.count, rows.map(\.values.count).reduce(0, +))
            }
            Output.print("Recorded \(values) characteristics of \(studies) studies from \(file)")
        }
    }
}
