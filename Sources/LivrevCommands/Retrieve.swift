import ArgumentParser
import LivrevStore

/// `livrev retrieve RECORD --not-retrieved`: PRISMA's "reports not retrieved".
struct Retrieve: RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve",
        abstract: "Record that a full text could not be obtained (or, with --retrieved, that it was after all).")

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reviewerOptions: ReviewerOptions

    @Argument(help: "The record id.")
    var record: Int64

    @Flag(help: "The full text could not be obtained.")
    var notRetrieved = false

    @Flag(help: "The full text was obtained after all (undoes --not-retrieved).")
    var retrieved = false

    @Option(help: "Why it could not be obtained.")
    var reason: String?

    func validate() throws {
        guard notRetrieved != retrieved else {
            throw ValidationError("give exactly one of '--not-retrieved' and '--retrieved'")
        }
    }

    func run(_ context: CommandContext) throws {
        try context.write(reviewer: reviewerOptions.resolvedName) { revision in
            try context.registry.setRetrieval(record: record, retrieved: retrieved, reason: reason, revision: revision)
        }
        Output.print(Self.summary(record: record, retrieved: retrieved))
    }

    static func summary(record: Int64, retrieved: Bool) -> String {
        retrieved ? "Record \(record): full text retrieved" : "Record \(record): full text not retrieved"
    }
}
