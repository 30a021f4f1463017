import Foundation
import Testing

/// The served pages: what they show, and that registry text is shown as text.
@Suite("Serve pages", .serialized)
struct ServePagesTests {
    @Test func aHostileTitleIsEscapedAndTermsAreHighlighted() throws {
        let livrev = try ServeAPITests.team(records: 3)
        try expectSuccess(livrev("terms add include aspirin"))
        try expectSuccess(livrev("terms add exclude hostile"))
        let served = try ServedRegistry(livrev)
        let ana = try served.signedIn("ana", password: "ana-pw")
        let page = try ana.get("/screen?stage=title-abstract")
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        // Record 1 comes first; its title is markup only as text.
        #expect(page.text.contains("data-record=\"1\""))
        #expect(!page.text.contains("<script>alert") && !page.text.contains("<svg onload"))
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;svg onload=alert(2)&gt;"))
        #expect(page.text.contains("<mark class=\"exclude\">hostile</mark>"))
        #expect(try ana.decide(1, "include").status == 200)
        let second = try ana.get("/screen?stage=title-abstract").text
        #expect(second.contains("<mark class=\"include\">aspirin</mark>"))
        #expect(second.contains("1 of 3 decided by you, 2 to go"))
        #expect(try ana.get("/static/app.js").status == 200)
    }

    @Test func pagesNeedASessionAndConflictsNeedAnArbiter() throws {
        let livrev = try ServeAPITests.team(records: 2)
        let served = try ServedRegistry(livrev)
        let anonymous = served.client()
        for path in ["/screen?stage=title-abstract", "/dashboard", "/conflicts?stage=title-abstract", "/report"] {
            let response = try anonymous.get(path)
            #expect(response.status == 303 && response.header("Location") == "/login", "\(path)")
        }
        #expect(try anonymous.get("/login").status == 200)
        let ana = try served.signedIn("ana", password: "ana-pw")
        #expect(try ana.get("/conflicts?stage=title-abstract").status == 403)
        #expect(try ana.get("/screen?stage=nope").status == 400)
        let ben = try served.signedIn("ben", password: "ben-pw")
        #expect(try ana.decide(1, "include").status == 200)
        #expect(try ben.decide(1, "exclude").status == 200)
        let cy = try served.signedIn("cy", password: "cy-pw")
        let conflicts = try cy.get("/conflicts?stage=title-abstract")
        #expect(conflicts.status == 200)
        #expect(conflicts.text.contains("ana: include<br>ben: exclude"))
        let dashboard = try cy.get("/dashboard")
        #expect(dashboard.status == 200)
        #expect(dashboard.text.contains("<svg") && dashboard.text.contains("data-count=\"records_screened\">0<"))
        let report = try cy.get("/report")
        #expect(report.status == 200 && report.text.contains("<html"))
    }
}
