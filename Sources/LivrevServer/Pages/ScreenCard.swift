import Foundation
import LivrevReports
import LivrevStore

/// The record card of the queue page: what a screener reads and the keys they press.
struct ScreenCard {
    let record: RecordDetail
    let stage: ScreeningStage
    let terms: ScreeningTerms
    let reasons: [String]
    let notes: [RecordNote]

    var html: String {
        var meta: [String] = []
        if !record.authors.isEmpty { meta.append(PageLayout.text(record.authors.joined(separator: "; "))) }
        let source = [record.journal, record.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
        if !source.isEmpty { meta.append(PageLayout.text(source)) }
        var links: [String] = []
        if let doi = record.doi, let path = doi.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) {
            links.append("<a href=\"https://doi.org/\(PageLayout.text(path))\">DOI \(PageLayout.text(doi))</a>")
        }
        if let pmid = record.pmid, pmid.allSatisfy(\.isNumber) {
            links.append("<a href=\"https://pubmed.ncbi.nlm.nih.gov/\(pmid)/\">PMID \(pmid)</a>")
        }
        let abstract = record.abstract.map { SafeText.htmlAsText($0) } ?? ""
        let decisions = stage.decisions.map { decision in
            let key = decision.rawValue.prefix(1)
            return "<button type=\"button\" class=\"\(decision.rawValue)\" data-decision=\"\(decision.rawValue)\">"
                + "<kbd>\(key)</kbd> \(decision.rawValue)</button>"
        }
        let actions =
            decisions + [
                "<button type=\"button\" id=\"undo\"><kbd>u</kbd> undo my last</button>",
                "<span class=\"meta\"><kbd>n</kbd> note · <kbd>?</kbd> help</span>",
            ]
        let notesHTML =
            notes.isEmpty
            ? ""
            : "<div class=\"panel\" id=\"my-notes\"><strong>My notes</strong><ul>"
                + notes.map { "<li>\(PageLayout.text($0.text))</li>" }.joined() + "</ul></div>"
        return """
            <article class="card" id="card" data-record="\(record.id)">
            <p class="meta">Record \(record.id)</p>
            <h2 id="title">\(PageLayout.highlighted(record.title, terms: terms))</h2>
            <p class="meta">\(meta.joined(separator: "<br>"))</p>
            <p>\(links.joined(separator: " · "))</p>
            <div class="abstract" id="abstract">\(PageLayout.highlighted(abstract, terms: terms))</div>
            </article>
            <div class="actions">\(actions.joined(separator: "\n"))</div>
            \(reasonPicker)
            <div class="panel hidden" id="note"><label>Note on record \(record.id) (Enter saves, Esc cancels)
            <textarea id="note-text" rows="3" cols="60"></textarea></label></div>
            \(notesHTML)
            """
    }

    /// The review's shared exclusion reasons, numbered for the keyboard (full text only).
    private var reasonPicker: String {
        guard stage == .fullText else { return "" }
        let items =
            reasons.isEmpty
            ? "<p>No reasons set: the lead adds them with 'livrev reasons add'.</p>"
            : reasons.prefix(9).enumerated().map { index, reason in
                "<button type=\"button\" data-reason=\"\(PageLayout.text(reason))\"><kbd>\(index + 1)</kbd> "
                    + "\(PageLayout.text(reason))</button>"
            }.joined(separator: "\n")
        return "<div class=\"panel hidden\" id=\"reasons\"><strong>Why exclude?</strong> (Esc cancels)\n\(items)</div>"
    }

    /// The shortcuts, shown with `?`.
    static func help(stage: ScreeningStage) -> String {
        let maybe = stage == .titleAbstract ? "<li><kbd>m</kbd> maybe (counts as include for moving on)</li>" : ""
        let exclude =
            stage == .fullText ? "exclude, then <kbd>1</kbd>–<kbd>9</kbd> picks the reason" : "exclude"
        return """
            <div class="panel hidden" id="help"><strong>Keys</strong><ul>
            <li><kbd>i</kbd> include</li><li><kbd>e</kbd> \(exclude)</li>\(maybe)
            <li><kbd>u</kbd> undo my last decision</li><li><kbd>n</kbd> note on this record</li>
            <li><kbd>?</kbd> this help</li></ul>
            <p>Your votes are blind: nobody sees them until the other reviewer has voted too.</p></div>
            """
    }
}
