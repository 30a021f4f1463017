import ArgumentParser
import Foundation
import LivrevStore

/// `livrev import records FILE`: search results into the registry.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import search results.", subcommands: [Records.self])

    struct Records: RegistryCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a RIS, MEDLINE (.nbib/.txt) or CSV export into a search run; prints counts.",
            discussion: "The whole file is one revision: a file with an error imports nothing.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The export file.")
        var file: String

        @Option(help: "The search run the records came from (default: the latest one).")
        var search: Int64?

        @Option(help: "The file's format (default: from its extension).")
        var format: ImportFormat?

        func validate() throws {
            if format == nil, ImportFormat(path: file) == nil {
                throw ValidationError("cannot tell the format of '\(file)' from its extension: give --format ris|medline|csv")
            }
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            try InputFile.require(file)
            let format = format ?? ImportFormat(path: file) ?? .ris
            guard let searchID = try search ?? registry.searches().last?.id else { throw CommandError.noSearch }
            let target = try registry.search(id: searchID)
            // Read and check the whole file before taking the write lock, so that screeners wait only
            // for the inserts; a file with an error imports nothing and never locks the registry.
            var records: [ImportedRecord] = []
            let reader = try format.reader(path: file)
            while let record = try reader.next() { records.append(record) }
            let withDOI = records.count { $0.doi != nil }
            let count = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                var inserter = try registry.recordInserter(searchID: searchID, file: file, revision: revision)
                for record in records { try inserter.insert(record) }
                return inserter.count
            }
            Output.print(
                "Imported \(count) records (\(withDOI) with a DOI) from \(file) into search \(searchID) (\(target.source))")
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
