import LivrevStore

/// A record laid out for a reviewer to read: title, authors, source, identifiers and the abstract,
/// wrapped to `width` columns, with the review's include and exclude terms highlighted when
/// `highlighting` is on (ANSI bold green and bold red: only for a terminal).
struct RecordCard {
    let record: RecordDetail
    var width = 78
    var terms = ScreeningTerms()
    var highlighting = false

    func rendered() -> String {
        let width = max(width, 30)
        var lines = ["Record \(record.id)"]
        lines += field("Title", record.title, width: width)
        if !record.authors.isEmpty { lines += field("Authors", record.authors.joined(separator: "; "), width: width) }
        let source = [record.journal, record.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
        if !source.isEmpty { lines += field("Source", source, width: width) }
        if let doi = record.doi { lines += field("DOI", doi, width: width) }
        if let pmid = record.pmid { lines += field("PMID", pmid, width: width) }
        if let abstract = record.abstract, !abstract.isEmpty {
            lines.append("")
            lines += RecordCard.wrapped(Printable.plain(abstract), width: width).map(highlighted)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Label:   text`, continuation lines indented under the text.
    private func field(_ label: String, _ text: String, width: Int) -> [String] {
        let indent = 10
        let prefix = (label + ":").padding(toLength: indent, withPad: " ", startingAt: 0)
        let wrapped = RecordCard.wrapped(Printable.plain(text), width: width - indent)
        return wrapped.enumerated().map { ($0 == 0 ? prefix : String(repeating: " ", count: indent)) + highlighted($1) }
    }

    /// Words wrapped to lines of at most `width` characters (a longer word gets a line of its own).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// The line with every include term in green and every exclude term in red. A term matches
    /// whole words, case-insensitively; a trailing `*` matches any ending (`randomi*`).
    private func highlighted(_ line: String) -> String {
        guard highlighting, !(terms.include.isEmpty && terms.exclude.isEmpty) else { return line }
        let characters = Array(line)
        let folded = characters.map { Character($0.lowercased()) }
        var marks = Array(repeating: 0, count: characters.count)  // 0 none, 1 include, 2 exclude
        for (list, mark) in [(terms.exclude, 2), (terms.include, 1)] {
            for term in list {
                for range in RecordCard.matches(of: term, in: folded) {
                    for index in range where marks[index] == 0 { marks[index] = mark }
                }
            }
        }
        var out = ""
        var open = 0
        for (index, character) in characters.enumerated() {
            if marks[index] != open {
                out += open == 0 ? "" : "\u{1B}[0m"
                if marks[index] != 0 { out += marks[index] == 1 ? "\u{1B}[1;32m" : "\u{1B}[1;31m" }
                open = marks[index]
            }
            out.append(character)
        }
        return out + (open == 0 ? "" : "\u{1B}[0m")
    }

    /// Where `term` occurs in `text` as whole words (`*` at its end: as a word's beginning).
    static func matches(of term: String, in text: [Character]) -> [Range<Int>] {
        let prefix = term.hasSuffix("*")
        let needle = Array(prefix ? String(term.dropLast()) : term)
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        func isWord(_ index: Int) -> Bool { index >= 0 && index < text.count && (text[index].isLetter || text[index].isNumber) }
        var found: [Range<Int>] = []
        var start = 0
        while start + needle.count <= text.count {
            if !isWord(start - 1), Array(text[start..<start + needle.count]) == needle {
                var end = start + needle.count
                if prefix {
                    while isWord(end) { end += 1 }
                    found.append(start..<end)
                    start = end
                    continue
                }
                if !isWord(end) {
                    found.append(start..<end)
                    start = end
                    continue
                }
            }
            start += 1
        }
        return found
    }
}

/// Text from imported data made safe for a terminal: control characters (ESC sequences, C0 and
/// C1 codes) are shown escaped, never emitted raw, and line breaks become spaces.
enum Printable {
    static func plain(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: out.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
