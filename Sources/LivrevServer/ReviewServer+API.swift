import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import LivrevReports
import LivrevStore

/// The JSON API (README "Served mode"). Every path but login needs a session; every write also
/// needs the session's CSRF token in `X-CSRF-Token`.
extension ReviewServer {
    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/login") { request, context in await self.answer { try await self.login(request, context) } }
        router.post("/api/logout") { request, _ in
            await self.answer {
                _ = try self.signedIn(request, writing: true)
                self.sessions.close(request.sessionToken)
                var headers = HTTPFields()
                headers[.setCookie] = HTTPResponses.clearedCookie()
                return HTTPResponses.json(.object([]), headers: headers)
            }
        }
        router.get("/api/me") { request, _ in
            await self.answer {
                let (_, reviewer) = try await self.account(request, writing: false)
                return HTTPResponses.json(.object([("name", .string(reviewer.name)), ("role", .string(reviewer.role.rawValue))]))
            }
        }
        router.get("/api/screen/next") { request, _ in
            await self.answer {
                let (_, reviewer) = try await self.account(request, writing: false)
                let stage = try Self.stage(request.query("stage"))
                guard let record = self.queues.next(stage: stage, reviewer: reviewer.id) else {
                    return HTTPResponses.noContent()
                }
                return HTTPResponses.json(try await self.connections.read { try self.hooks.recordJSON($0, record) })
            }
        }
        router.get("/api/screen/progress") { request, _ in
            await self.answer {
                let (_, reviewer) = try await self.account(request, writing: false)
                let stage = try Self.stage(request.query("stage"))
                let progress = self.queues.progress(stage: stage, reviewer: reviewer.id)
                return HTTPResponses.json(
                    .object([
                        ("stage", .string(stage.rawValue)), ("decided", .integer(progress.decided)),
                        ("remaining", .integer(progress.remaining)),
                    ]))
            }
        }
        router.post("/api/screen/decide") { request, context in
            await self.answer { try await self.decide(request, context) }
        }
        router.post("/api/screen/undo") { request, context in
            await self.answer { try await self.undo(request, context) }
        }
        router.post("/api/notes") { request, context in
            await self.answer { try await self.note(request, context) }
        }
        router.get("/api/conflicts") { request, _ in
            await self.answer {
                _ = try await self.arbiter(request, writing: false)
                let stage = try Self.stage(request.query("stage"))
                return HTTPResponses.json(try await self.connections.read { try self.hooks.conflictsJSON($0, stage) })
            }
        }
        router.post("/api/resolve") { request, context in
            await self.answer { try await self.resolve(request, context) }
        }
        router.post("/api/reviewers") { request, context in
            await self.answer { try await self.addReviewer(request, context) }
        }
        router.post("/api/reviewers/role") { request, context in
            await self.answer { try await self.changeRole(request, context) }
        }
        router.get("/api/prisma") { request, _ in
            await self.answer {
                _ = try await self.account(request, writing: false)
                return HTTPResponses.json(try await self.connections.read { try self.hooks.prismaJSON($0) })
            }
        }
        router.get("/api/agreement") { request, _ in
            await self.answer {
                _ = try await self.account(request, writing: false)
                let stage = try Self.stage(request.query("stage"))
                return HTTPResponses.json(try await self.connections.read { try self.hooks.agreementJSON($0, stage) })
            }
        }
    }

    // MARK: - Handlers

    private func login(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await Self.body(request, context)
        guard let name = body["name"] as? String, let password = body["password"] as? String else {
            throw APIError.badRequest("login takes {\"name\": …, \"password\": …}")
        }
        let hash = try await connections.read { try $0.passwordHash(of: name) }
        let matches = await passwords.run { PasswordHashing.verify(password, hash: hash) }
        guard matches else { throw APIError(status: .unauthorized, message: "wrong name or password") }
        let reviewer = try await connections.read { try $0.reviewer(named: name) }
        let (token, session) = sessions.open(name: name)
        var headers = HTTPFields()
        headers[.setCookie] = HTTPResponses.sessionCookie(token, secure: request.uri.scheme == .https)
        return HTTPResponses.json(
            .object([
                ("name", .string(name)), ("role", .string(reviewer.role.rawValue)), ("csrf", .string(session.csrf)),
            ]), headers: headers)
    }

    private func decide(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (_, reviewer) = try await account(request, writing: true)
        return try await cast(request, context, by: reviewer, command: ["screen", "decide"]) {
            registry, vote, reviewer, revision in
            // Checked in the write's own transaction, after every write queued before it: two
            // colleagues' votes arriving together cannot both be the second. Only the count of
            // votes is read, never their values.
            let (record, _) = try registry.recordFacts(vote.record)
            guard record[vote.stage].votes.filter({ $0.reviewerID != reviewer.id }).count < Registry.reviewersPerRecord
            else { throw APIError.conflict("record \(vote.record) already has two votes at \(vote.stage.rawValue)") }
            try registry.decide(
                record: vote.record, stage: vote.stage, decision: vote.decision, reason: vote.reason,
                reviewer: reviewer, revision: revision)
        } recorded: { vote, revision in
            self.queues.recorded(stage: vote.stage, record: vote.record, reviewer: reviewer.id, voted: true, revision: revision)
        }
    }

    private func undo(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (_, reviewer) = try await account(request, writing: true)
        let body = try await Self.body(request, context)
        let stage = try Self.stage(body["stage"] as? String)
        let name = reviewer.name
        let (record, revision) = try await connections.write { registry -> (Int64, Int64) in
            let reviewer = try registry.reviewer(named: name)
            guard let record = try registry.lastDecisionRecord(stage: stage, reviewer: reviewer) else {
                throw StoreError.noDecisionToWithdraw(record: 0, stage: stage, reviewer: name)
            }
            let words = ["serve:", "screen", "undo", String(record), "--stage", stage.rawValue, "--as", name]
            let revision = try registry.write(reviewer: name, command: self.hooks.commandLine(words)) { revision in
                try registry.withdrawDecision(record: record, stage: stage, reviewer: reviewer, revision: revision)
                return revision
            }
            return (record, revision)
        }
        queues.recorded(stage: stage, record: record, reviewer: reviewer.id, voted: false, revision: revision)
        // A withdrawn vote can put a decided record back in the queues: rebuild them before answering.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { _ = try self.queues.refresh() })
            }
        }
        return HTTPResponses.json(.object([("revision", .integer(Int(revision))), ("record", .integer(Int(record)))]))
    }

    private func note(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (_, reviewer) = try await account(request, writing: true)
        let body = try await Self.body(request, context)
        guard let record = (body["record"] as? NSNumber)?.int64Value, let text = body["text"] as? String else {
            throw APIError.badRequest("a note takes {\"record\": id, \"text\": …}")
        }
        let name = reviewer.name
        let command = hooks.commandLine(["serve:", "note", String(record), "--as", name])
        let revision = try await connections.write { registry in
            try registry.write(reviewer: name, command: command) { revision in
                let reviewer = try registry.reviewer(named: name)
                try registry.addNote(record: record, text: text, reviewer: reviewer, revision: revision)
                return revision
            }
        }
        queues.recorded(revision: revision)
        return HTTPResponses.json(.object([("revision", .integer(Int(revision)))]))
    }

    private func resolve(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let reviewer = try await arbiter(request, writing: true)
        return try await cast(request, context, by: reviewer, command: ["resolve"]) { registry, vote, reviewer, revision in
            try registry.resolve(
                record: vote.record, stage: vote.stage, decision: vote.decision, reason: vote.reason,
                reviewer: reviewer, consensus: nil, revision: revision)
        } recorded: { _, revision in
            self.queues.recorded(revision: revision)
        }
    }

    /// What decide and resolve share: the body `{record, stage, decision, reason?}`, written by
    /// `write` as one revision of `reviewer` (signed in with the role the call needs, and read
    /// again inside the write) under the command line the CLI would record, told to the queues by
    /// `recorded`, and answered `{revision}` once committed.
    private func cast(
        _ request: Request, _ context: BasicRequestContext, by reviewer: Reviewer, command: [String],
        write: @escaping @Sendable (Registry, Vote, Reviewer, Int64) throws -> Void,
        recorded: (Vote, Int64) -> Void
    ) async throws -> Response {
        let vote = try Vote(try await Self.body(request, context))
        let name = reviewer.name
        let line = hooks.commandLine(vote.words(command, reviewer: name))
        let revision = try await connections.write { registry in
            try registry.write(reviewer: name, command: line) { revision in
                try write(registry, vote, try registry.reviewer(named: name), revision)
                return revision
            }
        }
        recorded(vote, revision)
        return HTTPResponses.json(.object([("revision", .integer(Int(revision)))]))
    }

    /// `{name, role?, password?}`: a new team member (lead only).
    private func addReviewer(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let lead = try await self.lead(request)
        let body = try await Self.body(request, context)
        guard let name = body["name"] as? String, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badRequest("a reviewer needs a name")
        }
        let role = try Self.role(body["role"] as? String ?? "reviewer")
        let password = body["password"] as? String
        if let password, password.isEmpty { throw APIError.badRequest("an empty password cannot sign in") }
        let hash = await passwords.run { password.map { PasswordHashing.hash($0) } }
        var words = ["serve:", "reviewer", "add", name, "--role", role.rawValue, "--as", lead.name]
        if hash != nil { words.append("--password-stdin") }
        let command = hooks.commandLine(words)
        let revision = try await connections.write { registry in
            try registry.write(reviewer: lead.name, command: command) { revision in
                try registry.addReviewer(name, role: role, passwordHash: hash, revision: revision)
                return revision
            }
        }
        queues.recorded(revision: revision)
        return HTTPResponses.json(.object([("revision", .integer(Int(revision)))]))
    }

    /// `{name, role}`: a team member's role from now on (lead only).
    private func changeRole(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let lead = try await self.lead(request)
        let body = try await Self.body(request, context)
        guard let name = body["name"] as? String else { throw APIError.badRequest("say whose role: {\"name\", \"role\"}") }
        let role = try Self.role(body["role"] as? String ?? "")
        let command = hooks.commandLine(["serve:", "reviewer", "role", name, role.rawValue, "--as", lead.name])
        let revision = try await connections.write { registry in
            try registry.write(reviewer: lead.name, command: command) { revision in
                try registry.setRole(role, of: name, revision: revision)
                return revision
            }
        }
        queues.recorded(revision: revision)
        return HTTPResponses.json(.object([("revision", .integer(Int(revision)))]))
    }

    // MARK: - Sessions and roles

    /// The signed-in reviewer, who must be a lead; the CSRF token is checked (both lead calls write).
    ///
    /// - Throws: 403 for anyone else.
    func lead(_ request: Request) async throws -> Reviewer {
        let (_, reviewer) = try await account(request, writing: true)
        guard reviewer.role.mayLead else {
            throw APIError.forbidden(
                "only a lead may add reviewers and change roles; \(reviewer.name) is a \(reviewer.role.rawValue)")
        }
        return reviewer
    }

    static func role(_ text: String) throws -> ReviewerRole {
        guard let role = ReviewerRole(rawValue: text) else {
            throw APIError.badRequest("role must be reviewer, arbiter or lead")
        }
        return role
    }

    /// The session of a request, checking the CSRF token for writes.
    ///
    /// - Throws: `APIError.noSession` (401), `.noCSRF` (403).
    func signedIn(_ request: Request, writing: Bool) throws -> Sessions.Session {
        guard let session = sessions.session(request.sessionToken) else { throw APIError.noSession }
        if writing {
            guard let token = request.header(HTTPResponses.csrfHeader), Sessions.equal(token, session.csrf) else {
                throw APIError.noCSRF
            }
        }
        return session
    }

    /// The session and the signed-in reviewer as the registry has them now (role changes count at once).
    func account(_ request: Request, writing: Bool) async throws -> (Sessions.Session, Reviewer) {
        let session = try signedIn(request, writing: writing)
        let reviewer = try await connections.read { try $0.reviewer(named: session.name) }
        return (session, reviewer)
    }

    /// The signed-in reviewer, who must be an arbiter (or a lead).
    ///
    /// - Throws: 403 for anyone else.
    func arbiter(_ request: Request, writing: Bool) async throws -> Reviewer {
        let (_, reviewer) = try await account(request, writing: writing)
        guard reviewer.role.mayArbitrate else {
            throw APIError.forbidden(
                "only an arbiter may see and resolve conflicts; \(reviewer.name) is a \(reviewer.role.rawValue)")
        }
        return reviewer
    }

    // MARK: - Plumbing

    /// Runs a handler and turns what it throws into `{error}` with the status of the CLI's exit code.
    func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            return HTTPResponses.error(error)
        } catch {
            let status = APIError.status(forExitCode: hooks.exitCode(error))
            return HTTPResponses.error(APIError(status: status, message: hooks.message(error)))
        }
    }

    static func stage(_ text: String?) throws -> ScreeningStage {
        guard let text, let stage = ScreeningStage(rawValue: text) else {
            throw APIError.badRequest("stage must be title-abstract or full-text")
        }
        return stage
    }

    /// The request's JSON object body.
    static func body(_ request: Request, _ context: BasicRequestContext) async throws -> [String: Any] {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any] else {
            throw APIError.badRequest("the body must be a JSON object")
        }
        return object
    }
}

/// `{record, stage, decision, reason?}`, as decide and resolve take it.
struct Vote: Sendable {
    let record: Int64
    let stage: ScreeningStage
    let decision: ScreeningDecision
    let reason: String?

    init(_ body: [String: Any]) throws {
        guard let record = (body["record"] as? NSNumber)?.int64Value else {
            throw APIError.badRequest("record must be a record id")
        }
        guard let decision = (body["decision"] as? String).flatMap(ScreeningDecision.init(rawValue:)) else {
            throw APIError.badRequest("decision must be include, exclude or maybe")
        }
        self.record = record
        self.stage = try ReviewServer.stage(body["stage"] as? String)
        self.decision = decision
        let reason = (body["reason"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.reason = reason?.isEmpty == false ? reason : nil
    }

    /// The command line the revision records, as if typed at the CLI, marked as the server's.
    func words(_ command: [String], reviewer: String) -> [String] {
        ["serve:"] + command + [String(record), decision.rawValue, "--stage", stage.rawValue, "--as", reviewer]
            + (reason.map { ["--reason", $0] } ?? [])
    }
}
