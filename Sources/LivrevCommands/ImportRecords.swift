import ArgumentParser
import Foundation
import LivrevStore

/// `livrev import records FILE`: search results into the registry.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import search results.", subcommands: [Records.self])

    struct Records: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "records",
            abstract: "Import an export (RIS, MEDLINE, CSV/TSV, Web of Science, Cochrane, EndNote XML); prints counts.",
            discussion: """
                The format is read from the content; the extension and --format are hints. The whole file \
                is one revision: a file with an error imports nothing, and a file with no record is an error.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The export file.")
        var file: String

        @Option(help: "The search run the records came from (default: the latest one).")
        var search: Int64?

        @Option(help: "The format the file must be in (default: whatever its content is).")
        var format: ImportFormat?

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            try InputFile.require(file)
            guard let searchID = try search ?? registry.searches().last?.id else { throw CommandError.noSearch }
            let target = try registry.search(id: searchID)
            // Read, check and convert the whole file before taking the write lock, so that screeners wait
            // only for the inserts (the seal hashes the rows beside them); a file with an error imports
            // nothing and never locks the registry.
            let (batch, notes) = try RecordBatch.read(file: file, searchID: searchID, format: format)
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                let progress = ProgressReporter("Importing \(file)", unit: "records")
                defer { progress.finish() }
                try registry.insert(batch, revision: revision) { progress.advance() }
            }
            for note in notes { Output.error(note) }
            Output.print(batch.summary(search: target.source))
        }
    }
}

extension ImportFormat: ExpressibleByArgument {}

/// Input files named on the command line.
enum InputFile {
    /// - Throws: `CommandError.fileMissing` (exit 66) when there is no such file.
    static func require(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CommandError.fileMissing(path)
        }
    }
}
