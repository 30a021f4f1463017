import Foundation
import LivrevStore
import Testing

/// Accounts for `livrev serve`: roles with a lead, passwords only as bcrypt hashes, all history.
@Suite("Accounts")
struct AccountsTests {
    @Test func aPasswordIsStoredOnlyAsAHashAndNeverInTheLog() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev("init --title T"))
        let add = try livrev.run(
            ["reviewer", "add", "lea", "--role", "lead", "--password-stdin"], stdin: "correct horse\n")
        try expectSuccess(add)
        #expect(add.stdout == "Added lead lea (with a password for serve)\n")
        try expectSuccess(livrev.run(["reviewer", "add", "ana", "--password-stdin"], stdin: "ana's secret\n"))
        try expectSuccess(livrev("reviewer add cli-only"))
        let dump = try livrev.logicalDump()
        #expect(!dump.contains("correct horse") && !dump.contains("ana's secret"))
        let registry = try Registry.open(path: livrev.registryPath)
        let hash = try #require(try registry.passwordHash(of: "lea"))
        #expect(hash.hasPrefix("$2b$10$"))
        #expect(try registry.passwordHash(of: "cli-only") == nil)
        #expect(try registry.passwordHash(of: "nobody") == nil)
        let log = try livrev("log --format json").stdout
        #expect(log.contains("reviewer add lea --role lead --password-stdin"))
        #expect(!log.contains("correct horse") && !log.contains("$2b$"))
        let list = try livrev("reviewer list --format csv").stdout
        #expect(list == "name,role\nlea,lead\nana,reviewer\ncli-only,reviewer\n")
        try expectSuccess(livrev("verify"))
    }

    @Test func aNewPasswordIsANewRowAndTheOldHashStaysInHistory() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev("init --title T"))
        try expectSuccess(livrev.run(["reviewer", "add", "ana", "--password-stdin"], stdin: "first\n"))
        let first = try Registry.open(path: livrev.registryPath).passwordHash(of: "ana")
        let change = try livrev.run(["reviewer", "password", "ana", "--password-stdin"], stdin: "second\n")
        try expectSuccess(change)
        #expect(change.stdout == "Set a new password for ana\n")
        let second = try Registry.open(path: livrev.registryPath).passwordHash(of: "ana")
        #expect(first != nil && second != nil && first != second)
        #expect(try livrev.logicalDump().components(separatedBy: "$2b$").count == 3)
    }

    @Test func passwordRefusalsLeaveTheRegistryUnchanged() throws {
        let livrev = try CommandRunner()
        try expectSuccess(livrev("init --title T"))
        try expectSuccess(livrev("reviewer add ana"))
        let before = try livrev.logicalDump()
        let empty = try livrev.run(["reviewer", "password", "ana", "--password-stdin"], stdin: "\n")
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("no password on standard input"))
        let argument = try livrev("reviewer password ana")
        #expect(argument.status == 64)
        #expect(argument.stderr.contains("--password-stdin"))
        let nobody = try livrev.run(["reviewer", "password", "bo", "--password-stdin"], stdin: "x\n")
        #expect(nobody.status == 69)
        let badRole = try livrev("reviewer add bo --role boss")
        #expect(badRole.status == 64)
        #expect(try livrev.logicalDump() == before)
    }

    @Test func aRoleChangeIsHistoryAndALeadMayArbitrate() throws {
        let livrev = try CommandRunner()
        for line in ["init --title T", "reviewer add ana", "reviewer add ben", "reviewer add lea --role lead"] {
            try expectSuccess(livrev(line))
        }
        try expectSuccess(livrev("snapshot create before"))
        let change = try livrev("reviewer role ana arbiter")
        try expectSuccess(change)
        #expect(change.stdout == "ana is now an arbiter\n")
        #expect(try livrev("reviewer list --format csv").stdout == "name,role\nana,arbiter\nben,reviewer\nlea,lead\n")
        #expect(
            try livrev("reviewer list --at before --format csv").stdout == "name,role\nana,reviewer\nben,reviewer\nlea,lead\n")
        // A lead includes an arbiter: it resolves conflicts.
        try expectSuccess(livrev("search add --source PubMed --date 2026-01-10"))
        try livrev.write("r.csv", "title\nOne\nTwo\n")
        try expectSuccess(livrev("import records r.csv --search 1"))
        try expectSuccess(livrev("screen decide 1 include --stage title-abstract --as ben"))
        try expectSuccess(livrev("screen decide 1 exclude --stage title-abstract --as lea"))
        try expectSuccess(livrev("resolve 1 include --stage title-abstract --as lea"))
        try expectSuccess(livrev("screen decide 2 include --stage title-abstract --as ben"))
        try expectSuccess(livrev("screen decide 2 exclude --stage title-abstract --as ana"))
        try expectSuccess(livrev("reviewer role lea reviewer"))
        let refused = try livrev("resolve 2 exclude --stage title-abstract --as lea")
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("'lea' is not an arbiter"))
    }
}
