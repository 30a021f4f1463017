import Foundation
import LivrevStore
import Testing

/// `verify` means it: damaged pages, edited facts, edited caches and rewritten history are all
/// caught, and a damaged file gives one clear sentence, never SQLite's raw message.
@Suite("verify means it")
struct IntegrityTests {
    static func registry() throws -> CommandRunner {
        let livrev = try CommandRunner()
        let rows = (1...300).map { "Trial number \($0) of stem cells in a long title,\(1990 + $0 % 30)" }
        try livrev.write("records.csv", "title,year\n" + rows.joined(separator: "\n") + "\n")
        for line in [
            "init --title Integrity", "reviewer add ana", "reviewer add ben", "search add --source PubMed --date 2026-01-01",
            "import records records.csv --search 1", "screen decide 1 include --stage title-abstract --as ana",
            "screen decide 1 include --stage title-abstract --as ben",
        ] {
            let result = try livrev(line)
            try #require(result.status == 0, "\(line): \(result.stderr)")
        }
        return livrev
    }

    static func headSeal(_ text: String) -> String? {
        text.firstMatch(of: /Head seal \(revision \d+\): ([0-9a-f]{64})/).map { String($0.1) }
    }

    /// Runs SQL on the file as a hand editor would (sqlite3 at the shell), triggers dropped first.
    static func edit(_ livrev: CommandRunner, _ sql: String) throws {
        let connection = try Connection(path: livrev.registryPath, create: false)
        try connection.execute(sql)
    }

    @Test func verifyPrintsTheHeadSealAndSnapshotCreatePrintsItsSeal() throws {
        let livrev = try Self.registry()
        let verify = try livrev("verify")
        #expect(verify.status == 0)
        let seal = try #require(Self.headSeal(verify.stdout), "\(verify.stdout)")
        let snapshot = try livrev("snapshot create v1")
        #expect(snapshot.stdout.contains("Seal: \(seal)"), "the snapshot names the head: \(snapshot.stdout)")
        let json = try livrev("verify --format json").stdout
        #expect(json.contains("\"head_seal\": \"") && json.contains("\"intact\": true"))
        let proven = try livrev("verify --seal \(seal.uppercased())")
        #expect(proven.status == 0)
        #expect(proven.stdout.contains("is revision 7's"), "\(proven.stdout)")
        #expect(try livrev("verify --seal abc").status == 64)
    }

    @Test func aHistoryCutOffAndRewrittenWithValidSealsFailsAgainstThePublishedSeal() throws {
        let livrev = try Self.registry()
        let published = try #require(Self.headSeal(try livrev("verify").stdout))
        // Somebody removes ben's vote (revision 7) with its seal, then carries on with livrev, which
        // seals every new revision properly: the chain itself is whole again.
        try Self.edit(
            livrev,
            """
            DROP TRIGGER decision_is_history_d; DROP TRIGGER revision_is_history_d; DROP TRIGGER revision_seal_is_history_d;
            DELETE FROM decision WHERE revision = 7; DELETE FROM revision_seal WHERE revision = 7;
            DELETE FROM revision WHERE id = 7; UPDATE record_state_head SET as_of = 0;
            """)
        #expect(try livrev("screen decide 1 exclude --stage title-abstract --as ben").status == 0)
        let plain = try livrev("verify")
        #expect(plain.status == 0, "the rewritten chain is self-consistent: \(plain.stderr)")
        #expect(Self.headSeal(plain.stdout) != published)
        let against = try livrev("verify --seal \(published)")
        #expect(against.status == 65)
        #expect(
            against.stderr
                == "Error: seal \(published) is not in this registry's history: revisions were cut off or rewritten since it was published\n"
        )
    }

    @Test func anEditedFactOrCacheRowFailsVerify() throws {
        let livrev = try Self.registry()
        try Self.edit(livrev, "UPDATE record_state SET status = 'included' WHERE record_id = 2")
        let cache = try livrev("verify")
        #expect(cache.status == 65)
        #expect(cache.stderr.contains("the record-state cache was changed outside livrev: record 2"), "\(cache.stderr)")

        let other = try Self.registry()
        try Self.edit(other, "DROP TRIGGER record_is_history_u; UPDATE record SET year = 1999 WHERE id = 3")
        let fact = try other("verify")
        #expect(fact.status == 65)
        #expect(fact.stderr.contains("revision 5 was changed outside livrev"), "\(fact.stderr)")
    }

    @Test func aFlippedPageByteIsADamagedFileToEveryCommandAndWritesRefuse() throws {
        let livrev = try Self.registry()
        let connection = try Connection(path: livrev.registryPath, create: false)
        let root = try #require(try connection.scalarInt("SELECT rootpage FROM sqlite_master WHERE name = 'record'"))
        let size = try #require(try connection.scalarInt("PRAGMA page_size"))
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let handle = try #require(FileHandle(forUpdatingAtPath: livrev.registryPath))
        try handle.seek(toOffset: UInt64((root - 1) * size))
        try handle.write(contentsOf: Data([0xFF]))  // the record table's root page type: no b-tree page has it
        try handle.close()
        for line in [
            "verify", "records list", "screen next --stage title-abstract --as ana",
            "screen decide 250 include --stage title-abstract --as ana",
        ] {
            let result = try livrev(line)
            #expect(result.status == 65, "\(line): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: the registry file"), "\(line): \(result.stderr)")
            #expect(result.stderr.contains("is damaged"), "\(line): \(result.stderr)")
            #expect(!result.stderr.contains("malformed") && !result.stderr.contains("SQLite error"), "\(result.stderr)")
        }
    }
}

/// The seals a registry is written with are the ones `verify` and earlier livrevs compute: an import
/// hashes its rows outside SQLite, so a change to that path must not change a single seal.
@Suite("Seals stay what they were")
struct SealStabilityTests {
    /// Records with every field the record table keeps, one without a title, one with no optional field.
    static let ris = """
        TY  - JOUR
        AU  - Hare, J. M.
        AU  - Fishman, J. E.
        TI  - Comparison of allogeneic vs autologous mesenchymal stem cells — POSEIDON
        AB  - A phase 1/2 randomized trial; 30 patients, 13 months.
        PY  - 2012
        JO  - JAMA
        VL  - 308
        IS  - 22
        SP  - 2369
        EP  - 2379
        DO  - https://doi.org/10.1001/JAMA.2012.25321
        AN  - 23117550
        KW  - Stem cells
        KW  - Cardiomyopathy
        N1  - ClinicalTrials.gov NCT01087996
        ER  - 

        TY  - JOUR
        AU  - Müller, Ä.
        AB  - Untitled on purpose.
        PY  - 2019
        ER  - 

        TY  - JOUR
        TI  - Bare record
        ER  - 

        """

    @Test func anImportIsSealedAsBefore() throws {
        var livrev = try CommandRunner()
        livrev.environment = ["LIVREV_DB": "review.livrev", "LIVREV_NOW": "2026-12-03T07:00:00.000Z"]
        try livrev.write("records.ris", Self.ris)
        try livrev.write("more.csv", "title,year,doi\nA CSV record,2020,10.1/xyz\n\"Quoted, title\",,\n")
        for line in [
            "init --title Seals", "reviewer add ana", "search add --source PubMed --date 2026-01-01",
            "import records records.ris --search 1", "import records more.csv --search 1",
            "screen decide 1 include --stage title-abstract --as ana",
        ] {
            let result = try livrev(line)
            try #require(result.status == 0, "\(line): \(result.stderr)")
        }
        let verify = try livrev("verify")
        #expect(verify.status == 0, "\(verify.stderr)")
        // Computed by livrev before imports hashed their rows themselves (commit 04da268).
        #expect(
            IntegrityTests.headSeal(verify.stdout) == "f97a19e47a63ce8fa5e057406753c467669ab419457c4cb2c96f3df9fa0d2103",
            "\(verify.stdout)")
    }
}
