import Foundation
import LivrevReports
import LivrevStore

/// The dashboard: the live PRISMA diagram and its main counts, agreement per stage, and how many
/// records each reviewer has voted on (that a vote exists may show; its value does not).
struct Dashboard {
    let prismaSVG: String
    let prisma: JSONValue
    let agreement: [JSONValue]
    let team: [Reviewer]
    /// Per stage (in `ScreeningStage.allCases` order): reviewer id → records voted on.
    let votes: [[Int64: Int]]

    var html: String {
        let counts = [
            "records_screened", "records_excluded", "reports_sought", "reports_not_retrieved", "reports_assessed",
            "studies_included", "reports_included",
        ]
        let countRows = counts.map { key in
            "<tr><th>\(key.replacingOccurrences(of: "_", with: " "))</th>"
                + "<td data-count=\"\(key)\">\(Dashboard.scalar(Dashboard.member(prisma, key)))</td></tr>"
        }.joined(separator: "\n")
        let agreementRows = agreement.flatMap { value -> [JSONValue] in
            if case .array(let items) = value { return items }
            return [value]
        }.map { value in
            let reviewers: String
            if case .array(let names)? = Dashboard.member(value, "reviewers") {
                reviewers = names.map { Dashboard.scalar($0) }.joined(separator: " & ")
            } else {
                reviewers = "—"
            }
            let cells = ["stage", "records", "agreement", "kappa"].map { Dashboard.scalar(Dashboard.member(value, $0)) }
            return "<tr><td>\(cells[0])</td><td>\(PageLayout.text(reviewers))</td><td>\(cells[1])</td>"
                + "<td>\(cells[2])</td><td>\(cells[3])</td></tr>"
        }.joined(separator: "\n")
        let progressRows = team.map { reviewer in
            let cells = votes.map { "<td>\($0[reviewer.id] ?? 0)</td>" }.joined()
            return "<tr><td>\(PageLayout.text(reviewer.name))</td><td>\(reviewer.role.rawValue)</td>\(cells)</tr>"
        }.joined(separator: "\n")
        return """
            <h1>Dashboard</h1>
            <section class="prisma" id="prisma">\(prismaSVG)</section>
            <h2>PRISMA counts</h2>
            <table id="prisma-counts">\(countRows)</table>
            <h2>Agreement</h2>
            <table id="agreement"><tr><th>stage</th><th>reviewers</th><th>records</th><th>agreement</th><th>κ</th></tr>
            \(agreementRows)</table>
            <h2>Progress per reviewer</h2>
            <table id="reviewers"><tr><th>reviewer</th><th>role</th><th>title-abstract votes</th><th>full-text votes</th></tr>
            \(progressRows)</table>
            """
    }

    static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// A number or string for a table cell, escaped; "—" for null or missing.
    static func scalar(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: PageLayout.text(text)
        case .number(let number)?: String(format: "%.3f", number)
        case .null?, nil: "—"
        case let value?: PageLayout.text(value.rendered())
        }
    }
}
