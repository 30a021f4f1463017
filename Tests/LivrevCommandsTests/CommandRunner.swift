import Foundation
import LivrevStore

/// Runs the built `livrev` binary in a scratch folder and captures what it prints.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL
    var environment: [String: String] = [:]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("livrev-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A runner in an existing folder.
    init(folder: URL) {
        self.folder = folder
    }

    /// The `livrev` executable that `swift build` put next to the test bundle.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder = folder.deletingLastPathComponent() }
        let candidate = folder.appendingPathComponent("livrev")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return Bundle(for: Marker.self).bundleURL.deletingLastPathComponent().appendingPathComponent("livrev")
    }

    private final class Marker {}

    /// Runs `livrev ARGUMENTS` with the registry `review.livrev` in the scratch folder.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, shell: Bool = false) throws -> Result {
        let process = Process()
        // With `shell`, the arguments are a whole command line (`sh -c …`), found on the PATH.
        process.executableURL = shell ? URL(fileURLWithPath: "/usr/bin/env") : CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["LIVREV_DB"] = folder.appendingPathComponent("review.livrev").path
        env.removeValue(forKey: "LIVREV_REVIEWER")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a whitespace-separated command line (no quoting; use `run(_:)` for arguments with spaces).
    @discardableResult
    func callAsFunction(_ line: String) throws -> Result {
        try run(line.split(separator: " ").map(String.init))
    }

    /// Writes a file into the scratch folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    var registryPath: String { folder.appendingPathComponent("review.livrev").path }

    /// Every row of every table, in a fixed order: equal dumps mean an unchanged registry.
    func logicalDump() throws -> String {
        let connection = try Connection(path: registryPath, create: false)
        var dump = ""
        let tables = try connection.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).map { try $0.text("name") ?? "" }
        for table in tables {
            dump += "-- \(table)\n"
            try connection.prepare("SELECT * FROM \"\(table)\" ORDER BY rowid").forEachRow { row in
                dump += (0..<row.columnCount).map { "\(row.value(at: $0))" }.joined(separator: "|") + "\n"
            }
        }
        return dump
    }
}
