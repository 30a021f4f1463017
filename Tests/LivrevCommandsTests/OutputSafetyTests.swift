import Foundation
import Testing

/// Outputs never destroy inputs: every file livrev writes goes through one writer that refuses
/// databases and replaces a file only once the new one is whole; a failed stdout is exit 74.
@Suite("Outputs never destroy inputs")
struct OutputSafetyTests {
    /// Every option that writes a file, with `{}` for the path.
    static let fileWriters = [
        ["prisma", "--format", "svg", "--out", "{}"],
        ["prisma", "--out", "{}"],
        ["pool", "--outcome", FiguresTests.infections, "--forest", "{}"],
        ["pool", "--outcome", FiguresTests.infections, "--funnel", "{}"],
        ["cumulative", "--outcome", FiguresTests.infections, "--forest", "{}"],
        ["rob", "summary", "--format", "svg", "--out", "{}"],
        ["report", "--out", "{}"],
    ]

    static func demo() throws -> CommandRunner {
        let livrev = try CommandRunner()
        let result = try livrev.run(["demo", "--db", livrev.registryPath])
        #expect(result.status == 0, "\(result.stderr)")
        return livrev
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func noOptionWritesOverTheRegistryItsLogsOrAnyDatabase() throws {
        let livrev = try Self.demo()
        let before = try livrev.logicalDump()
        let other = livrev.folder.appendingPathComponent("other.sqlite").path
        try FileManager.default.copyItem(atPath: livrev.registryPath, toPath: other)
        let link = livrev.folder.appendingPathComponent("innocent.svg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: livrev.registryPath)
        let otherBytes = Self.bytes(other)
        for writer in Self.fileWriters {
            for target in [livrev.registryPath, livrev.registryPath + "-wal", livrev.registryPath + "-shm", other, link] {
                let result = try livrev.run(writer.map { $0 == "{}" ? target : $0 })
                #expect(result.status == 73, "\(writer) over \(target): \(result.stderr)")
                #expect(result.stderr.hasPrefix("Error: refusing to write"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            }
        }
        #expect(try livrev.logicalDump() == before)
        #expect(Self.bytes(other) == otherBytes)
        #expect(try livrev.run(["verify"]).status == 0)
        // The export folder's files go through the same writer.
        let folder = livrev.folder.appendingPathComponent("metafor")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("reproduce.R").path, withDestinationPath: livrev.registryPath)
        let export = try livrev.run(["export", "--metafor", folder.path])
        #expect(export.status == 73, "\(export.stderr)")
        #expect(try livrev.logicalDump() == before)
    }

    @Test func aFailedWriteToStandardOutputExits74AndAClosedPipeIsNoError() throws {
        let livrev = try Self.demo()
        let full = try livrev.run(
            ["sh", "-c", "exec \"$0\" log --db \"$1\" > /dev/full", CommandRunner.executable.path, livrev.registryPath],
            shell: true)
        #expect(full.status == 74)
        #expect(full.stderr == "Error: cannot write to standard output: No space left on device\n")
        let piped = try livrev.run(
            [
                "bash", "-c", "\"$0\" records list --format json --db \"$1\" | true; exit ${PIPESTATUS[0]}",
                CommandRunner.executable.path, livrev.registryPath,
            ],
            shell: true)
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty, "\(piped.stderr)")
    }

    @Test func aFullDiskLeavesTheOldFileAndNoTemporaryOne() throws {
        let livrev = try Self.demo()
        let mount = try SmallDisk(bytes: 64 * 1024)
        defer { mount.remove() }
        let target = mount.folder + "/report.html"
        try Data("the old report\n".utf8).write(to: URL(fileURLWithPath: target))
        let result = try livrev.run(mount.wrap(["report", "--out", target]), shell: mount.needsShell)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write '\(target)'"), "\(result.stderr)")
        #expect(Self.bytes(target) == Data("the old report\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.folder) == ["report.html"])
    }

    @Test func killedWhileWritingLeavesTheOldFileOrTheNewOneNeverAPart() throws {
        let livrev = try Self.demo()
        let target = livrev.folder.appendingPathComponent("report.html").path
        try #require(try livrev.run(["report", "--out", target]).status == 0)
        let whole = try #require(Self.bytes(target))
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        var outcomes: Set<String> = []
        for attempt in 0..<12 {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["report", "--out", target, "--db", livrev.registryPath]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(20_000 + attempt * 25_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.bytes(target)
            #expect(now == whole || now == Data("old\n".utf8), "attempt \(attempt): \(now?.count ?? -1) bytes")
            outcomes.insert(now == whole ? "new" : "old")
            try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        }
        #expect(!outcomes.isEmpty)
    }

    @Test func aReplacedFileKeepsItsPermissionsAndALinkIsFollowed() throws {
        let livrev = try Self.demo()
        let real = livrev.folder.appendingPathComponent("flow.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        chmod(real, 0o640)
        let link = livrev.folder.appendingPathComponent("latest.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(try livrev.run(["prisma", "--out", link]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: real)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(String(decoding: Self.bytes(real) ?? Data(), as: UTF8.self).contains("PRISMA 2020 flow diagram"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real, "the link stays a link")
    }
}

/// A folder on a file system with room for `bytes`: a tmpfs when this machine lets us mount one
/// (tests run as root), else any folder with the file-size limit (`ulimit -f`) set for livrev.
struct SmallDisk {
    let folder: String
    let mounted: Bool
    let bytes: Int

    init(bytes: Int) throws {
        self.bytes = bytes
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("livrev-disk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", folder]
        mount.standardError = FileHandle.nullDevice
        try? mount.run()
        mount.waitUntilExit()
        mounted = mount.terminationStatus == 0
    }

    var needsShell: Bool { !mounted }

    /// The livrev arguments, run under the file-size limit when no tmpfs could be mounted.
    func wrap(_ arguments: [String]) -> [String] {
        guard !mounted else { return arguments }
        return ["sh", "-c", "ulimit -f \(bytes / 512); exec \"$0\" \"$@\"", CommandRunner.executable.path] + arguments
    }

    func remove() {
        if mounted {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [folder]
            try? umount.run()
            umount.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
