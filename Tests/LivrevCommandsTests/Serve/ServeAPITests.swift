import Foundation
import Synchronization
import Testing

/// `livrev serve`'s JSON API against the built binary on an ephemeral loopback port.
@Suite("Serve API", .serialized)
struct ServeAPITests {
    /// A registry with two screeners, an arbiter and a lead (password: name + "-pw") and `records`
    /// records, the first with a hostile title.
    static func team(records: Int = 6, environment: [String: String] = [:]) throws -> CommandRunner {
        var livrev = try CommandRunner()
        livrev.environment = environment
        try expectSuccess(livrev("init --title Served"))
        for (name, role) in [("ana", "reviewer"), ("ben", "reviewer"), ("cy", "arbiter"), ("lea", "lead")] {
            try expectSuccess(
                livrev.run(["reviewer", "add", name, "--role", role, "--password-stdin"], stdin: "\(name)-pw\n"))
        }
        try expectSuccess(livrev("search add --source PubMed --date 2026-01-10"))
        var csv = "title,abstract,year\n\"<script>alert(1)</script>\"\"><svg onload=alert(2)>\",hostile,2020\n"
        for index in 2...max(2, records) { csv += "Trial \(index) of aspirin,Randomised trial \(index),2021\n" }
        try livrev.write("records.csv", csv)
        try expectSuccess(livrev("import records records.csv --search 1"))
        return livrev
    }

    @Test func signingInOutAndWhoAmI() throws {
        let served = try ServedRegistry(try Self.team())
        #expect(served.firstLine == "Serving Served at http://127.0.0.1:\(served.port)/")
        let ana = served.client()
        let login = try ana.login("ana", password: "ana-pw")
        #expect(login.status == 200)
        #expect(login.json["name"] as? String == "ana" && login.json["role"] as? String == "reviewer")
        #expect((login.json["csrf"] as? String)?.count == 64)
        let cookie = try #require(login.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
        let me = try ana.get("/api/me")
        #expect(me.status == 200 && me.json["name"] as? String == "ana")
        #expect(try ana.post("/api/logout", [:]).status == 200)
        #expect(try ana.get("/api/me").status == 401)
        let wrong = try served.client().login("ana", password: "nope")
        #expect(wrong.status == 401 && wrong.json["error"] as? String == "wrong name or password")
        #expect(try served.client().login("nobody", password: "x").status == 401)
        #expect(try served.client().login("lea", password: "lea-pw").json["role"] as? String == "lead")
        #expect(served.stop() == 0)
    }

    @Test func nextAndDecideUntilNothingIsLeft() throws {
        let livrev = try Self.team(records: 4)
        let served = try ServedRegistry(livrev)
        let ana = try served.signedIn("ana", password: "ana-pw")
        let first = try ana.get("/api/screen/next?stage=title-abstract")
        #expect(first.status == 200)
        #expect(first.json["title"] as? String != nil && first.json["decisions"] == nil)
        // The same record again until it is decided: it is reserved for ana.
        let id = try #require(first.json["id"] as? Int)
        #expect(try ana.nextRecord() == id)
        var seen: [Int] = []
        while let record = try ana.nextRecord() {
            seen.append(record)
            let decided = try ana.decide(record, "include")
            #expect(decided.status == 200)
            #expect(decided.json["revision"] as? Int != nil)
        }
        #expect(seen.sorted() == [1, 2, 3, 4])
        #expect(try ana.get("/api/screen/next?stage=title-abstract").status == 204)
        let progress = try ana.get("/api/screen/progress?stage=title-abstract").json
        #expect(progress["decided"] as? Int == 4 && progress["remaining"] as? Int == 0)
        // Every acknowledged decision is a revision that names ana.
        let log = try livrev("log --unblind").stdout
        #expect(log.contains("livrev serve: screen decide \(seen[0]) include --stage title-abstract --as ana"))
        let undo = try ana.post("/api/screen/undo", ["stage": "title-abstract"])
        #expect(undo.status == 200 && undo.json["record"] as? Int == seen.last)
        #expect(try ana.nextRecord() == seen.last)
    }

    @Test func concurrentScreenersGetDifferentRecordsAndNoThirdVote() throws {
        let served = try ServedRegistry(try Self.team(records: 3))
        let ana = try served.signedIn("ana", password: "ana-pw")
        let ben = try served.signedIn("ben", password: "ben-pw")
        let cy = try served.signedIn("cy", password: "cy-pw")
        let a = try #require(try ana.nextRecord())
        let b = try #require(try ben.nextRecord())
        let c = try #require(try cy.nextRecord())
        #expect(Set([a, b, c]).count == 3)
        #expect(try ana.decide(a, "include").status == 200)
        #expect(try ben.decide(a, "include").status == 200)
        let third = try cy.decide(a, "exclude")
        #expect(third.status == 409)
        #expect(third.json["error"] as? String == "record \(a) already has two votes at title-abstract")
    }

    @Test func votesArrivingTogetherAreEachARevisionAndNoneIsAThird() throws {
        let livrev = try Self.team(records: 6)
        let served = try ServedRegistry(livrev)
        let port = served.port
        let names = ["ana", "ben", "cy"]
        let answers = Mutex<[(name: String, record: Int, status: Int, revision: Int?)]>([])
        // Three screeners voting on the same records at once: their writes queue up together.
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let client = ServeClient(port: port)
            guard (try? client.login(names[index], password: "\(names[index])-pw"))?.status == 200 else { return }
            for record in 1...6 {
                guard let response = try? client.decide(record, "include") else { continue }
                let revision = response.json["revision"] as? Int
                answers.withLock { $0.append((names[index], record, response.status, revision)) }
            }
        }
        let all = answers.withLock { $0 }
        #expect(all.count == 18)
        for record in 1...6 {
            let statuses = all.filter { $0.record == record }.map(\.status).sorted()
            #expect(statuses == [200, 200, 409], "record \(record)")
        }
        let acknowledged = all.filter { $0.status == 200 }
        #expect(Set(acknowledged.compactMap(\.revision)).count == 12)
        let log = try livrev("log --unblind").stdout
        for vote in acknowledged {
            #expect(log.contains("livrev serve: screen decide \(vote.record) include --stage title-abstract --as \(vote.name)"))
        }
        #expect(served.stop() == 0)
        // Each revision of a group commit is sealed in the chain like any other.
        try expectSuccess(livrev("verify"))
    }

    @Test func refusalsHaveTheirStatusAndChangeNothing() throws {
        let livrev = try Self.team()
        let served = try ServedRegistry(livrev, arguments: ["--session-seconds", "1"])
        let before = try livrev.logicalDump()
        let anonymous = served.client()
        for path in [
            "/api/me", "/api/screen/next?stage=title-abstract", "/api/conflicts?stage=title-abstract", "/api/prisma",
            "/api/agreement?stage=title-abstract", "/api/screen/progress?stage=title-abstract",
        ] {
            let response = try anonymous.get(path)
            #expect(response.status == 401, "\(path)")
            #expect(response.json["error"] as? String == "sign in first (no session, or it lapsed)")
        }
        #expect(try anonymous.decide(1, "include").status == 401)
        #expect(try anonymous.post("/api/logout", [:]).status == 401)
        let forged = served.client()
        forged.cookie = "livrev_session=" + String(repeating: "ab", count: 32)
        #expect(try forged.get("/api/me").status == 401)
        let ana = try served.signedIn("ana", password: "ana-pw")
        let vote: [String: Any] = ["record": 1, "stage": "title-abstract", "decision": "include"]
        #expect(try ana.post("/api/screen/decide", vote, csrf: false).status == 403)
        let token = ana.csrf
        ana.csrf = String(repeating: "0", count: 64)
        #expect(try ana.decide(1, "include").status == 403)
        ana.csrf = token
        let conflicts = try ana.get("/api/conflicts?stage=title-abstract")
        #expect(conflicts.status == 403)
        #expect(try ana.post("/api/resolve", ["record": 1, "stage": "title-abstract", "decision": "include"]).status == 403)
        #expect(try ana.get("/api/screen/next?stage=abstract").status == 400)
        #expect(try ana.post("/api/screen/decide", ["record": 1]).status == 400)
        let missing = try ana.decide(999, "include")
        #expect(missing.status == 404 && missing.json["error"] as? String == "no record 999")
        let maybe = try ana.decide(1, "maybe", stage: "full-text")
        #expect(maybe.status == 409)
        #expect(try livrev.logicalDump() == before)
        Thread.sleep(forTimeInterval: 2)
        #expect(try ana.get("/api/me").status == 401)
    }

    @Test func theArbiterResolvesAConflictAndCountsMatchTheCLI() throws {
        let livrev = try Self.team(records: 2)
        let served = try ServedRegistry(livrev)
        let ana = try served.signedIn("ana", password: "ana-pw")
        let ben = try served.signedIn("ben", password: "ben-pw")
        #expect(try ana.decide(1, "include").status == 200)
        #expect(try ben.decide(1, "exclude").status == 200)
        let cy = try served.signedIn("cy", password: "cy-pw")
        let conflicts = try cy.get("/api/conflicts?stage=title-abstract")
        #expect(conflicts.status == 200)
        #expect(conflicts.text == (try livrev("conflicts --stage title-abstract --format json").stdout))
        let resolved = try cy.post("/api/resolve", ["record": 1, "stage": "title-abstract", "decision": "exclude"])
        #expect(resolved.status == 200)
        #expect(try cy.get("/api/conflicts?stage=title-abstract").text == "[]\n")
        #expect(try cy.get("/api/prisma").text == (try livrev("prisma --format json").stdout))
        #expect(
            try ana.get("/api/agreement?stage=title-abstract").text
                == (try livrev("agreement --stage title-abstract --format json").stdout))
        #expect(try livrev("log").stdout.contains("livrev serve: resolve 1 exclude --stage title-abstract --as cy"))
    }

    @Test func onlyALeadAddsReviewersAndChangesRoles() throws {
        let livrev = try Self.team(records: 2)
        let served = try ServedRegistry(livrev)
        let cy = try served.signedIn("cy", password: "cy-pw")
        let before = try livrev.logicalDump()
        #expect(try cy.post("/api/reviewers", ["name": "dee", "password": "dee-pw"]).status == 403)
        #expect(try cy.post("/api/reviewers/role", ["name": "ana", "role": "lead"]).status == 403)
        #expect(try livrev.logicalDump() == before)
        let lea = try served.signedIn("lea", password: "lea-pw")
        #expect(try lea.post("/api/reviewers", ["name": "dee", "password": "dee-pw"], csrf: false).status == 403)
        #expect(try lea.post("/api/reviewers", ["name": "dee", "password": "dee-pw"]).status == 200)
        #expect(try lea.post("/api/reviewers", ["name": "dee"]).status == 400)
        #expect(try lea.post("/api/reviewers/role", ["name": "ana", "role": "boss"]).status == 400)
        #expect(try lea.post("/api/reviewers/role", ["name": "nobody", "role": "arbiter"]).status == 404)
        #expect(try lea.post("/api/reviewers/role", ["name": "ana", "role": "arbiter"]).status == 200)
        // The role counts at once: ana may now see conflicts, and dee signs in.
        let ana = try served.signedIn("ana", password: "ana-pw")
        #expect(try ana.get("/api/conflicts?stage=title-abstract").status == 200)
        #expect(try served.signedIn("dee", password: "dee-pw").get("/api/me").json["role"] as? String == "reviewer")
        let log = try livrev("log").stdout
        #expect(log.contains("livrev serve: reviewer add dee --role reviewer --as lea --password-stdin"))
        #expect(!log.contains("dee-pw"))
    }

    /// The server opens the registry with the settings every command takes from the environment:
    /// a fixed `$LIVREV_NOW` stamps its revisions as it stamps the CLI's.
    @Test func revisionsWrittenThroughTheServerUseTheCommandsClock() throws {
        let now = "2026-12-03T14:00:00.000Z"
        let livrev = try Self.team(records: 2, environment: ["LIVREV_NOW": now])
        let served = try ServedRegistry(livrev)
        let ana = try served.signedIn("ana", password: "ana-pw")
        let record = try #require(try ana.nextRecord())
        #expect(try ana.decide(record, "include").status == 200)
        served.stop()
        let log = try livrev("log --unblind").stdout.split(separator: "\n")
        let decision = try #require(log.firstIndex { $0.contains("livrev serve: screen decide") })
        #expect(log[decision - 1].contains("\(now)  ana"), "\(log[decision - 1])")
    }

    @Test func aCLIImportReachesTheQueueWithoutARestart() throws {
        let livrev = try Self.team(records: 2)
        let served = try ServedRegistry(livrev)
        let ana = try served.signedIn("ana", password: "ana-pw")
        for _ in 0..<2 {
            let record = try #require(try ana.nextRecord())
            #expect(try ana.decide(record, "exclude").status == 200)
        }
        #expect(try ana.nextRecord() == nil)
        try livrev.write("update.csv", "title\nA new trial from the update search\n")
        try expectSuccess(livrev("search add --source PubMed --date 2026-06-01"))
        try expectSuccess(livrev("import records update.csv --search 2"))
        var next: Int?
        for _ in 0..<50 where next == nil {
            Thread.sleep(forTimeInterval: 0.1)
            next = try ana.nextRecord()
        }
        #expect(next == 3)
    }
}
