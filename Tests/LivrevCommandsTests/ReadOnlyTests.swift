import Foundation
import Testing

/// Read-only files are readable: a registry on a read-only mount, or one the user may not write
/// (tests run as root, which ignores file modes, so that case runs as `nobody`), answers every
/// read command as the writable original does, and refuses writes in one sentence.
@Suite("Read-only registries are readable")
struct ReadOnlyTests {
    static let reads = [
        ["log"], ["verify"], ["records", "list"], ["records", "list", "--format", "json"], ["prisma"],
        ["prisma", "--format", "svg"], ["study", "list"], ["reviewer", "list"], ["outcome", "list"], ["check"],
        ["rob", "summary"], ["snapshot", "list"], ["pool", "--all"], ["pool", "--all", "--format", "json"],
        ["conflicts", "--stage", "title-abstract"], ["agreement", "--stage", "title-abstract"],
        ["screen", "next", "--stage", "title-abstract", "--as", "nobody-in-particular"],
    ]

    static func demo() throws -> CommandRunner {
        let livrev = try CommandRunner()
        try #require(try livrev.run(["demo", "--db", livrev.registryPath]).status == 0)
        return livrev
    }

    static func expectReadsMatch(_ original: CommandRunner, db: String, prefix: [String] = []) throws {
        for command in reads {
            let expected = try original.run(command)
            let seen = try original.run(prefix + [CommandRunner.executable.path] + command + ["--db", db], shell: true)
            #expect(seen.status == expected.status, "\(command): \(seen.stderr)")
            #expect(seen.stdout == expected.stdout, "\(command) reads the same")
            #expect(seen.stderr == expected.stderr, "\(command): \(seen.stderr)")
        }
        let write = try original.run(
            prefix + [CommandRunner.executable.path, "reviewer", "add", "eve", "--db", db], shell: true)
        #expect(write.status == 73)
        #expect(
            write.stderr == "Error: registry '\(db)' is read-only here: read commands work; to write, use a copy you may write\n")
        let unblind = try original.run(prefix + [CommandRunner.executable.path, "log", "--unblind", "--db", db], shell: true)
        #expect(unblind.status == 73, "unblinding must be logged, so it cannot happen here")
        #expect(unblind.stdout.isEmpty)
    }

    @Test func aRegistryOnAReadOnlyMountAnswersEveryReadCommand() throws {
        let original = try Self.demo()
        let disk = try SmallDisk(bytes: 8 * 1024 * 1024)
        defer { disk.remove() }
        try #require(disk.mounted, "this machine must let the tests mount a tmpfs (they run as root)")
        let copy = disk.folder + "/archive.livrev"
        try FileManager.default.copyItem(atPath: original.registryPath, toPath: copy)
        try #require(try original.run(["mount", "-o", "remount,ro", disk.folder], shell: true).status == 0)
        try Self.expectReadsMatch(original, db: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder) == ["archive.livrev"])
    }

    @Test func aColleaguesFileTheUserMayNotWriteAnswersEveryReadCommand() throws {
        let original = try Self.demo()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("livrev-colleague-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("theirs.livrev").path
        try FileManager.default.copyItem(atPath: original.registryPath, toPath: copy)
        chmod(copy, 0o444)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        try Self.expectReadsMatch(
            original, db: copy, prefix: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"])
    }
}
