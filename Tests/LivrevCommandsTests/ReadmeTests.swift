import Foundation
import Testing

/// The README runs as printed: every line of its ```sh blocks, in order, in a fresh folder that
/// holds a copy of examples/, each on its own (no shell state, no standard input, a minute at most).
@Suite("The README runs as printed")
struct ReadmeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardizedFileURL

    /// The command lines of the README's ```sh blocks, without comments and blank lines.
    static func shellLines() throws -> [String] {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        var lines: [String] = []
        var inShell = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inShell, !trimmed.isEmpty, !trimmed.hasPrefix("#") { lines.append(trimmed) }
        }
        return lines
    }

    @Test func everyShellLineSucceedsInOrderOnAFreshFolder() throws {
        let lines = try Self.shellLines()
        // A walkthrough of the whole job, not a fragment.
        #expect(lines.count >= 20)
        for stage in [
            "livrev init", "livrev import records", "livrev dedup", "livrev screen decide", "livrev screen import",
            "livrev resolve", "livrev agreement", "livrev retrieve", "livrev study add", "livrev prisma",
            "livrev data import", "livrev rob import", "livrev pool", "livrev snapshot create", "livrev snapshot diff",
            "livrev report", "livrev verify",
        ] {
            #expect(lines.contains { $0.hasPrefix(stage) }, "the README never runs '\(stage)'")
        }
        let livrev = try CommandRunner()
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("examples"), to: livrev.folder.appendingPathComponent("examples"))
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LIVREV_DB")
        environment.removeValue(forKey: "LIVREV_REVIEWER")
        let binaries = CommandRunner.executable.deletingLastPathComponent().path
        environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        for line in lines {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", line]
            process.currentDirectoryURL = livrev.folder
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            timer.cancel()
            #expect(process.terminationStatus == 0, "README line failed (exit \(process.terminationStatus)): \(line)\n\(errors)")
            if process.terminationStatus != 0 { break }
            // Plain text fits 100 columns (JSON, CSV, --wide and redirected output are for programs).
            if !["--format", "--wide", ">"].contains(where: line.contains) {
                let wide = printed.split(separator: "\n").filter { $0.count > 100 }
                #expect(wide.isEmpty, "README line prints wider than 100 columns: \(line)\n\(wide.joined(separator: "\n"))")
            }
        }
        #expect(FileManager.default.fileExists(atPath: livrev.folder.appendingPathComponent("review.html").path))
    }

    @Test func theShellBlocksNameOnlyFilesThatShip() throws {
        for line in try Self.shellLines() {
            for word in line.split(separator: " ") where word.hasPrefix("examples/") {
                let path = Self.repository.appendingPathComponent(String(word)).path
                #expect(FileManager.default.fileExists(atPath: path), "\(word) is not in examples/")
            }
        }
    }
}
