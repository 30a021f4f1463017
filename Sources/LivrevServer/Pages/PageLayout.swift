import LivrevReports
import LivrevStore

/// The frame every page shares: head, the CSRF token for the page's script, the navigation.
/// Every piece of text from the registry goes through `PageLayout.text`, so a hostile title is
/// shown as text, never run; the pages load one script file and run no inline script.
enum PageLayout {
    /// Text (or an attribute value) escaped for HTML.
    static func text(_ value: String) -> String {
        SVGDocument.escape(value)
    }

    static func page(title: String, review: String, reviewer: Reviewer?, csrf: String?, body: String) -> String {
        var nav = ""
        if let reviewer {
            var links = [
                ("/screen?stage=title-abstract", "Title/abstract"), ("/screen?stage=full-text", "Full text"),
            ]
            if reviewer.role.mayArbitrate { links.append(("/conflicts?stage=title-abstract", "Conflicts")) }
            links += [("/dashboard", "Dashboard"), ("/report", "Report")]
            nav =
                "<nav>" + links.map { "<a href=\"\($0.0)\">\($0.1)</a>" }.joined()
                + "<span class=\"who\">\(text(reviewer.name)) (\(reviewer.role.rawValue))</span>"
                + "<button type=\"button\" id=\"signout\">Sign out</button></nav>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf" content="\(text(csrf ?? ""))">
            <title>\(text(title)) · \(text(review))</title>
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/app.js" defer></script>
            </head>
            <body>
            <header><strong>\(text(review))</strong> · livrev</header>
            \(nav)<main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// `text` with the review's include and exclude terms in `<mark>`.
    static func highlighted(_ value: String, terms: ScreeningTerms) -> String {
        let characters = Array(value)
        let marks = terms.marks(in: characters)
        var out = ""
        var open = ScreeningTerms.Mark.none
        var run = ""
        func flush() {
            guard !run.isEmpty else { return }
            let escaped = text(run)
            switch open {
            case .none: out += escaped
            case .include: out += "<mark class=\"include\">\(escaped)</mark>"
            case .exclude: out += "<mark class=\"exclude\">\(escaped)</mark>"
            }
            run = ""
        }
        for (index, character) in characters.enumerated() {
            if marks[index] != open {
                flush()
                open = marks[index]
            }
            run.append(character)
        }
        flush()
        return out
    }

    /// A progress bar: `done` of `total`.
    static func progress(done: Int, total: Int, label: String) -> String {
        let percent = total == 0 ? 100 : done * 100 / total
        return """
            <div class="progress" role="progressbar" aria-valuenow="\(done)" aria-valuemin="0" \
            aria-valuemax="\(total)"><div class="bar" style="width: \(percent)%"></div></div>
            <p class="progress-label" id="progress">\(text(label))</p>
            """
    }
}
