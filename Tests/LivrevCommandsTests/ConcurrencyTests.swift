import Foundation
import LivrevStore
import Testing

/// Several processes on one registry: writers wait for each other, a busy registry is a clean
/// exit 75, and a killed import leaves the file whole.
@Suite("Concurrency and crashes", .serialized)
struct ConcurrencyTests {
    private func registry(records: Int) throws -> CommandRunner {
        let livrev = try CommandRunner()
        for line in ["init --title T", "reviewer add ana", "reviewer add ben", "search add --source PubMed --date 2026-01-10"] {
            try expectSuccess(livrev(line))
        }
        var ris = ""
        ris.reserveCapacity(records * 200)
        for i in 1...records {
            ris += "TY  - JOUR\nAU  - Author\(i) A\nTI  - Synthetic record \(i) about stem cells\nPY  - 2020\n"
            ris += "AB  - \(String(repeating: "An abstract sentence. ", count: 20))\nER  - \n\n"
        }
        try livrev.write("records.ris", ris)
        return livrev
    }

    /// A shell that runs `livrev screen decide` once per record, stopping at the first failure.
    private func screener(_ livrev: CommandRunner, _ reviewer: String, _ records: ClosedRange<Int>) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c",
            """
            for i in $(seq \(records.lowerBound) \(records.upperBound)); do
              "$LIVREV" screen decide "$i" include --stage title-abstract --as \(reviewer) >/dev/null || exit $?
            done
            """,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["LIVREV"] = CommandRunner.executable.path
        environment["LIVREV_DB"] = livrev.registryPath
        process.environment = environment
        process.standardError = Pipe()
        try process.run()
        return process
    }

    @Test func twoScreenersWritingAtOnceLoseNothing() throws {
        // 2 × 120 processes interleave on the write lock thousands of times over; 1,000 only took longer.
        let livrev = try registry(records: 240)
        try expectSuccess(livrev("import records records.ris"))
        let ana = try screener(livrev, "ana", 1...120)
        let ben = try screener(livrev, "ben", 121...240)
        ana.waitUntilExit()
        ben.waitUntilExit()
        let errors = [ana, ben].map { process in
            String(
                decoding: (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        }
        #expect(ana.terminationStatus == 0 && ben.terminationStatus == 0, "\(errors)")
        #expect(errors.allSatisfy { !$0.contains("locked") }, "\(errors)")
        let connection = try Connection(path: livrev.registryPath, create: false)
        #expect(try connection.scalarInt("SELECT count(*) FROM decision") == 240)
        #expect(try connection.scalarInt("SELECT count(DISTINCT record_id) FROM decision") == 240)
    }

    @Test func aRegistryKeptBusyTooLongIsExit75() throws {
        let livrev = try registry(records: 2)
        try expectSuccess(livrev("import records records.ris"))
        let holder = try Connection(path: livrev.registryPath, create: false)
        try holder.execute("BEGIN IMMEDIATE")
        var busy = livrev
        busy.environment["LIVREV_BUSY_TIMEOUT_MS"] = "200"
        let result = try busy("screen decide 1 include --stage title-abstract --as ana")
        #expect(result.status == 75)
        #expect(result.stderr == "Error: registry '\(livrev.registryPath)' is busy (another livrev is writing); try again\n")
        try holder.execute("ROLLBACK")
        try expectSuccess(busy("screen decide 1 include --stage title-abstract --as ana"))
    }

    @Test func anImportKilledHalfWayIsAbsentOrWhole() throws {
        let livrev = try registry(records: 40_000)
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [
            "import", "records", livrev.folder.appendingPathComponent("records.ris").path, "--db", livrev.registryPath,
        ]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 0.4)
        let killedWhileRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedWhileRunning, "the import finished before it could be killed; make the file larger")

        let registry = try Registry.open(path: livrev.registryPath)
        #expect(try registry.connection.scalarText("PRAGMA integrity_check") == "ok")
        let count = try registry.connection.scalarInt("SELECT count(*) FROM record") ?? -1
        #expect(count == 0 || count == 40_000)
        #expect(try registry.verifySeals() == .intact(revisions: Int(try registry.headRevision())))
        // And the registry goes on working.
        try expectSuccess(livrev("import records records.ris"))
        #expect(try registry.connection.scalarInt("SELECT count(*) FROM record") == Int64(count + 40_000))
    }
}
