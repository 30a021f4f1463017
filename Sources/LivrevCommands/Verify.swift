import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev verify [--seal HEX]`: prove that the file holds what livrev wrote, and print the head seal.
struct Verify: RegistryCommand, FormattedCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove the registry was not changed behind livrev's back; print the head seal to publish.",
        discussion: """
            Runs SQLite's integrity check, recomputes every revision's seal in order, and checks every derived \
            table (the record-state cache) against a rebuild from the facts. Prints the head seal: publish it (in \
            the paper, in an email). Later, 'livrev verify --seal HEX' proves the chain still holds that seal, so a \
            file whose history was cut off or rewritten with recomputed seals is caught. Exits 0 when all holds, \
            65 naming the first thing that does not.
            """)
    static let formats: [OutputFormat] = [.text, .json]

    @OptionGroup var registryOptions: RegistryOptions

    @Option(help: ArgumentHelp("A seal published earlier: prove the chain still holds it.", valueName: "hex"))
    var seal: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if let seal, seal.wholeMatch(of: /[0-9a-fA-F]{64}/) == nil {
            throw ValidationError("'--seal' takes a seal as livrev prints it: 64 hexadecimal characters")
        }
    }

    func run(_ context: CommandContext) throws {
        let result: Verification
        do {
            result = try context.registry.verify(publishedSeal: seal)
        } catch let failure as IntegrityFailure {
            throw CommandError.integrity(failure)
        }
        if format == .json {
            Output.print(
                JSONValue.object([
                    ("intact", .bool(true)), ("revisions", .integer(result.revisions)),
                    ("head_revision", .integer(Int(result.headRevision))), ("head_seal", .string(result.headSeal)),
                    ("seal_revision", .integer(result.publishedRevision.map { Int($0) })),
                ]).rendered(pretty: true))
            return
        }
        Output.print("Intact: \(result.revisions) revisions, every seal and derived table matches the facts")
        if let revision = result.publishedRevision, let seal {
            Output.print("Seal \(seal.lowercased()) is revision \(revision)'s: the history up to it is unchanged")
        }
        Output.print("Head seal (revision \(result.headRevision)): \(result.headSeal ?? "none")")
    }
}
