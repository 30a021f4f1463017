import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev dedup [--dry-run] [--undo RECORD]`: mark duplicates, never delete.
struct Dedup: RegistryCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark duplicate records (same DOI, PMID, register number, or title + year + first author).",
        discussion: "Marks, never deletes. --dry-run lists what it would mark; --undo RECORD takes a wrong mark back.")

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reviewerOptions: ReviewerOptions

    @Flag(help: "List what would be marked, and change nothing.")
    var dryRun = false

    @Option(help: "Undo the duplicate mark of this record; dedup will leave it alone from then on.")
    var undo: Int64?

    func validate() throws {
        if dryRun && undo != nil { throw ValidationError("'--dry-run' and '--undo' are mutually exclusive") }
    }

    func run(_ context: CommandContext) throws {
        let registry = context.registry
        if let undo {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try registry.undoDuplicateMark(record: undo, revision: revision)
            }
            Output.print("Record \(undo) is no longer marked a duplicate")
            return
        }
        let marks: [DuplicateMark]
        let total = Int(try registry.connection.scalarInt("SELECT count(*) FROM record") ?? 0)
        let progress = ProgressReporter("Looking for duplicates", unit: "records", total: total)
        defer { progress.finish() }
        if dryRun {
            marks = try registry.findDuplicates(progress: { progress.update(done: $0) })
        } else {
            marks = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                let marks = try registry.findDuplicates(progress: { progress.update(done: $0) })
                try registry.markDuplicates(marks, revision: revision)
                return marks
            }
        }
        progress.finish()
        let rows = marks.map { [String($0.record), String($0.duplicateOf), $0.reason] }
        if !rows.isEmpty {
            Output.print(TextTable(header: ["record", "duplicate_of", "reason"], rows: rows).rendered(), terminator: "")
        }
        Output.print(dryRun ? "Would mark \(marks.count) duplicates" : "Marked \(marks.count) duplicates")
    }
}
