import ArgumentParser
import Foundation
import LivrevStore

/// A subcommand that works on a registry file. Its `run(_:)` gets an open registry; the default
/// `run()` opens it, runs the command, and turns any error into `Error: …` on stderr and the
/// exit code of SPEC.md.
protocol RegistryCommand: ParsableCommand {
    var registryOptions: RegistryOptions { get }
    /// Whether the command creates the registry instead of opening an existing one.
    static var createsRegistry: Bool { get }
    func run(_ context: CommandContext) throws
}

extension RegistryCommand {
    static var createsRegistry: Bool { false }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    func run() throws {
        let path = registryOptions.resolvedPath
        try Output.$registryPath.withValue(path) {
            try Output.runCommand {
                try OutputFormat.check(self)
                let start = ContinuousClock.now
                let context = try CommandContext(path: path, opening: !Self.createsRegistry)
                let opened = ContinuousClock.now
                try run(context)
                if ProcessInfo.processInfo.environment["LIVREV_TIMING"] != nil {
                    let end = ContinuousClock.now
                    Output.error(
                        "timing: open \(Self.milliseconds(opened - start)) ms, command \(Self.milliseconds(end - opened)) ms")
                }
            }
        }
    }
}

/// What a running command needs: the registry, its path, and the command line for the revision.
struct CommandContext {
    let path: String
    private let opened: Registry?

    init(path: String, opening: Bool) throws {
        self.path = path
        Registry.onLongWait { Output.error($0) }
        self.opened = opening ? try Registry.open(path: path, settings: .fromEnvironment) : nil
    }

    /// The open registry (commands that create one make their own).
    var registry: Registry {
        guard let opened else { preconditionFailure("this command creates its registry") }
        return opened
    }

    /// Runs `body` as one revision of the registry, recording `reviewer` and this command line.
    @discardableResult
    func write<T>(reviewer: String?, _ body: (Int64) throws -> T) throws -> T {
        try registry.write(reviewer: reviewer, command: CommandContext.commandLine, body)
    }

    /// The command line as typed, shell-quoted where needed, with the program called `livrev`.
    static var commandLine: String { commandLine(Array(CommandLine.arguments.dropFirst())) }

    /// `livrev` and `words` as one shell-quoted line, as the log shows it.
    static func commandLine(_ words: [String]) -> String {
        (["livrev"] + words).map(shellQuoted).joined(separator: " ")
    }

    private static func shellQuoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,@+%".contains($0) }
        if plain, !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
