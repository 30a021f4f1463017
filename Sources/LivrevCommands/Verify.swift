import ArgumentParser
import LivrevStore

/// `livrev verify`: recompute the seal chain and name the first revision that was edited by hand.
struct Verify: RegistryCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that no revision was changed behind livrev's back (recomputes every seal).",
        discussion: "Exits 0 when the chain is intact, 65 naming the first revision that no longer matches.")

    @OptionGroup var registryOptions: RegistryOptions

    func run(_ context: CommandContext) throws {
        switch try context.registry.verifySeals() {
        case .intact(let revisions):
            Output.print("Intact: \(revisions) revisions, every seal matches")
        case .broken(let revision, let reason):
            throw CommandError.tampered(revision: revision, reason: reason)
        }
    }
}
