import ArgumentParser
import Foundation
import LivrevReports
import LivrevStore
import Synchronization

/// stdout carries results only; diagnostics go to stderr. Both are escaped for the terminal
/// (`TerminalText`), and a failed write to stdout is an error (exit 74), not silence.
enum Output {
    /// The registry the running command works on: `OutputFile` refuses to write over it.
    @TaskLocal static var registryPath: String?

    /// Prints a result to stdout, control characters escaped.
    static func print(_ text: String, terminator: String = "\n") {
        write(TerminalText.escaped(text) + terminator, to: STDOUT_FILENO)
    }

    /// Prints a diagnostic line to stderr, control characters escaped.
    static func error(_ line: String) {
        write(TerminalText.escaped(line) + "\n", to: STDERR_FILENO)
    }

    /// Writes deliberate terminal control (a progress bar's carriage return, colours) to stderr as is.
    /// Never pass it text that came from a file or the registry.
    static func control(_ sequence: String) {
        write(sequence, to: STDERR_FILENO)
    }

    /// Writes `text` to a file through `OutputFile` (never over a database; all or nothing).
    static func writeFile(_ text: String, to path: String) throws {
        try OutputFile.write(Array(text.utf8), to: path)
    }

    /// The errno of the first write to stdout that failed.
    private static let stdoutFailure = Mutex<Int32?>(nil)

    /// Writes straight to the descriptor (after anything C's stdio still buffers), remembering
    /// the first failure on stdout.
    private static func write(_ text: String, to descriptor: Int32) {
        fflush(nil)
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress?.advanced(by: offset), bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else {
                    let code = errno
                    if descriptor == STDOUT_FILENO { stdoutFailure.withLock { $0 = $0 ?? code } }
                    return
                }
                offset += written
            }
        }
    }

    /// Runs a command's body the one way every command runs: SIGPIPE and SIGXFSZ become write errors,
    /// stdout is flushed and checked at the end, and any error becomes `Error: …` on stderr and the
    /// exit code of SPEC.md.
    static func runCommand(_ body: () throws -> Void) throws {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        do {
            try body()
            try finishStandardOutput()
        } catch let error as ExitCode {
            throw error
        } catch {
            try? finishStandardOutput()
            // SQLite's raw messages become one sentence about the registry file.
            let error = registryPath.map { StoreError.translating(error, path: $0) } ?? error
            Output.error("Error: \(error)")
            throw ExitCode(ExitStatus.code(for: error))
        }
    }

    /// Flushes stdout (and what Swift's `print` buffered). A reader that went away (`| head`) is not an error: the command exits 0 quietly.
    ///
    /// - Throws: `CommandError.cannotWriteOutput` when stdout could not take everything (a full disk, `/dev/full`).
    private static func finishStandardOutput() throws {
        if fflush(nil) != 0 {
            let code = errno
            stdoutFailure.withLock { $0 = $0 ?? code }
        }
        guard let code = stdoutFailure.withLock({ $0 }) else { return }
        if code == EPIPE { throw ExitCode.success }
        throw CommandError.cannotWriteOutput(reason: String(cString: strerror(code)))
    }
}
