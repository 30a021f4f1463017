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
        do {
            let start = ContinuousClock.now
            let context = try CommandContext(path: registryOptions.resolvedPath, opening: !Self.createsRegistry)
            let opened = ContinuousClock.now
            try run(context)
            if ProcessInfo.processInfo.environment["LIVREV_TIMING"] != nil {
                let end = ContinuousClock.now
                Output.error(
                    "timing: open \(Self.milliseconds(opened - start)) ms, command \(Self.milliseconds(end - opened)) ms")
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            Output.error("Error: \(error)")
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}

/// What a running command needs: the registry, its path, and the command line for the revision.
struct CommandContext {
    let path: String
    private let opened: Registry?

    init(path: String, opening: Bool) throws {
        self.path = path
        self.opened = opening ? try Registry.open(path: path) : nil
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

    /// The arguments of the command being run: the process's, or those the demo replays.
    @TaskLocal static var arguments: [String] = Array(CommandLine.arguments.dropFirst())

    /// The command line as typed, shell-quoted where needed, with the program called `livrev`.
    static var commandLine: String { commandLine(arguments) }

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

/// stdout carries results only; diagnostics go to stderr.
enum Output {
    /// When set, results are not printed (the demo replays commands quietly).
    @TaskLocal static var isQuiet = false

    /// Prints a result to stdout.
    static func print(_ text: String, terminator: String = "\n") {
        guard !isQuiet else { return }
        Swift.print(text, terminator: terminator)
    }

    static func error(_ line: String) {
        guard !isQuiet else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes `text` to a file, mapping failures to `CommandError.cannotWrite`.
    static func writeFile(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
