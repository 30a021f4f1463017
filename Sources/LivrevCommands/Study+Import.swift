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

                In a review with dual extraction the values are --as R's own extraction and count once a second \
                extractor enters the same value (numbers compare as numbers) or an arbiter resolves it; an \
                arbiter may import agreed values with --final.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The CSV file.")
        var file: String

        @Flag(help: "The values are agreed and count at once, e.g. a published review's (arbiters only).")
        var final = false

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            try InputFile.require(file)
            let recording = try ExtractionRecording(registry, reviewer: reviewerOptions, final: final)
            let (studies, values) = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try Self.record(file: file, as: recording, in: registry, revision: revision)
            }
            Output.print("Recorded \(values) characteristics of \(studies) studies from \(file)\(recording.suffix)")
        }

        /// Records every characteristic of `file` as part of `revision`; returns how many studies and values.
        ///
        /// - Throws: `CommandError.unknownInRow` for a study not in the registry; the file's own errors.
        static func record(file: String, as recording: ExtractionRecording, in registry: Registry, revision: Int64)
            throws -> (studies: Int, values: Int)
        {
            try recording.checkFinal(registry)
            var extractor: Reviewer?
            if case .entries(let name) = recording { extractor = try registry.reviewer(named: name) }
            let rows = try CharacteristicsFile.read(file)
            for row in rows {
                guard try registry.studyID(row.study) != nil else {
                    throw CommandError.unknownInRow(
                        file: file, line: row.line, message: "no study '\(row.study)' (add it with 'livrev study add')")
                }
                if let extractor {
                    try registry.addCharacteristicEntries(
                        study: row.study, values: row.values, extractor: extractor, revision: revision)
                } else {
                    try registry.setCharacteristics(study: row.study, values: row.values, revision: revision)
                }
            }
            return (rows.count, rows.map(\.values.count).reduce(0, +))
        }
    }
}
