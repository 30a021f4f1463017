import Hummingbird
import LivrevReports
import LivrevStore

/// The pages: sign-in, the queue per stage, the arbiter's conflicts, the dashboard and the report.
/// Each is rendered on the server from what the signed-in reviewer may see; none reads another
/// reviewer's vote on a record before both are in.
extension ReviewServer {
    func addPageRoutes(to router: Router<BasicRequestContext>) {
        router.get("/static/app.js") { _, _ in
            HTTPResponses.bytes(StaticAssets.javascript, type: "text/javascript; charset=utf-8", status: .ok)
        }
        router.get("/static/app.css") { _, _ in
            HTTPResponses.bytes(StaticAssets.css, type: "text/css; charset=utf-8", status: .ok)
        }
        router.get("/") { request, _ in
            HTTPResponses.redirect(
                to: self.sessions.session(request.sessionToken) == nil ? "/login" : "/screen?stage=title-abstract")
        }
        router.get("/login") { _, _ in
            HTTPResponses.html(
                PageLayout.page(
                    title: "Sign in", review: self.title, reviewer: nil, csrf: nil,
                    body: """
                        <h1>Sign in</h1>
                        <form id="login" class="signin">
                        <label>Name <input name="user" autocomplete="username" autofocus required></label>
                        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                        <button type="submit">Sign in</button>
                        </form>
                        <p id="status"></p>
                        """))
        }
        router.get("/screen") { request, _ in
            await self.page(request) { reviewer, csrf in
                try await self.screenPage(stage: try Self.stage(request.query("stage")), reviewer: reviewer, csrf: csrf)
            }
        }
        router.get("/conflicts") { request, _ in
            await self.page(request) { reviewer, csrf in
                guard reviewer.role.mayArbitrate else {
                    throw APIError.forbidden("only an arbiter may see conflicts; \(reviewer.name) is a \(reviewer.role.rawValue)")
                }
                return try await self.conflictsPage(
                    stage: try Self.stage(request.query("stage")), reviewer: reviewer, csrf: csrf)
            }
        }
        router.get("/dashboard") { request, _ in
            await self.page(request) { reviewer, csrf in try await self.dashboardPage(reviewer: reviewer, csrf: csrf) }
        }
        router.get("/report") { request, _ in
            await self.page(request) { _, _ in try await self.connections.read { try self.hooks.reportHTML($0) } }
        }
    }

    /// A page for a signed-in reviewer: to the sign-in page without a session, an error page on failure.
    private func page(_ request: Request, _ body: (Reviewer, String) async throws -> String) async -> Response {
        guard let session = sessions.session(request.sessionToken) else { return HTTPResponses.redirect(to: "/login") }
        do {
            let reviewer = try await connections.read { try $0.reviewer(named: session.name) }
            return HTTPResponses.html(try await body(reviewer, session.csrf))
        } catch {
            let failure =
                error as? APIError
                ?? APIError(
                    status: APIError.status(forExitCode: hooks.exitCode(error)), message: hooks.message(error))
            return HTTPResponses.html(
                PageLayout.page(
                    title: "Refused", review: title, reviewer: nil, csrf: nil,
                    body: "<h1>\(failure.status.code)</h1><p>\(PageLayout.text(failure.message))</p>"),
                status: failure.status)
        }
    }

    // MARK: - Screening

    private func screenPage(stage: ScreeningStage, reviewer: Reviewer, csrf: String) async throws -> String {
        let record = queues.next(stage: stage, reviewer: reviewer.id)
        let progress = queues.progress(stage: stage, reviewer: reviewer.id)
        let name = reviewer.name
        let card = try await connections.read { registry -> String in
            guard let record else {
                return "<p class=\"panel\" id=\"empty\">Nothing left for you at \(stage.rawValue). Thank you!</p>"
            }
            let detail = try registry.recordDetail(record)
            let terms = try registry.screeningTerms()
            let reasons = stage == .fullText ? try registry.exclusionReasons() : []
            let reviewer = try registry.reviewer(named: name)
            // Only the reader's own notes: an arbiter screening sees no one else's here.
            let notes = try registry.notes(record: record, visibleTo: reviewer).filter { $0.reviewer == name }
            return ScreenCard(record: detail, stage: stage, terms: terms, reasons: reasons, notes: notes).html
        }
        let total = progress.decided + progress.remaining
        let body =
            "<section id=\"queue\" data-stage=\"\(stage.rawValue)\">\n<h1>My queue: \(stage.rawValue)</h1>\n"
            + PageLayout.progress(
                done: progress.decided, total: total,
                label: "\(progress.decided) of \(total) decided by you, \(progress.remaining) to go")
            + "\n<p id=\"status\" aria-live=\"polite\"></p>\n" + card + "\n" + ScreenCard.help(stage: stage)
            + "\n</section>"
        return PageLayout.page(title: "Screen", review: title, reviewer: reviewer, csrf: csrf, body: body)
    }

    // MARK: - Conflicts

    private func conflictsPage(stage: ScreeningStage, reviewer: Reviewer, csrf: String) async throws -> String {
        let rows = try await connections.read { registry -> String in
            let conflicts = try registry.conflicts(stage: stage)
            let reasons = stage == .fullText ? try registry.exclusionReasons() : []
            return try conflicts.map { conflict in
                let detail = try registry.recordDetail(conflict.record)
                let votes = conflict.decisions.map { "\(PageLayout.text($0.reviewer)): \($0.decision.rawValue)" }
                    .joined(separator: "<br>")
                let picker =
                    reasons.isEmpty
                    ? ""
                    : "<select aria-label=\"reason\">"
                        + reasons.map { "<option>\(PageLayout.text($0))</option>" }.joined() + "</select>"
                let buttons = stage.decisions.map {
                    "<button type=\"button\" data-resolve=\"\($0.rawValue)\">\($0.rawValue)</button>"
                }.joined(separator: " ")
                return """
                    <tr data-record="\(conflict.record)" data-stage="\(stage.rawValue)"><td>\(conflict.record)</td>\
                    <td>\(PageLayout.text(detail.title))</td><td class="votes">\(votes)</td><td>\(picker) \(buttons)</td></tr>
                    """
            }.joined(separator: "\n")
        }
        let other: ScreeningStage = stage == .titleAbstract ? .fullText : .titleAbstract
        let body = """
            <h1>Conflicts: \(stage.rawValue)</h1>
            <p><a href="/conflicts?stage=\(other.rawValue)">Conflicts at \(other.rawValue)</a></p>
            <p id="status" aria-live="polite"></p>
            \(rows.isEmpty ? "<p class=\"panel\" id=\"no-conflicts\">No unresolved conflicts at \(stage.rawValue).</p>" : """
            <table id="conflicts"><tr><th>record</th><th>title</th><th>votes</th><th>resolve</th></tr>
            \(rows)
            </table>
            """)
            """
        return PageLayout.page(title: "Conflicts", review: title, reviewer: reviewer, csrf: csrf, body: body)
    }

    // MARK: - Dashboard

    private func dashboardPage(reviewer: Reviewer, csrf: String) async throws -> String {
        let votes = ScreeningStage.allCases.map { queues.votesPerReviewer(stage: $0) }
        let body = try await connections.read { registry -> String in
            let svg = try self.hooks.prismaSVG(registry)
            let prisma = try self.hooks.prismaJSON(registry)
            let agreement = try ScreeningStage.allCases.map { try self.hooks.agreementJSON(registry, $0) }
            let team = try registry.reviewers()
            return Dashboard(prismaSVG: svg, prisma: prisma, agreement: agreement, team: team, votes: votes).html
        }
        return PageLayout.page(title: "Dashboard", review: title, reviewer: reviewer, csrf: csrf, body: body)
    }
}
