import LivrevReports
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

    /// Words wrapped to lines of at most `width` characters, as every text output wraps them.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        return TextTable.wrapped(words, width: width)
    }

    /// The line with every include term in green and every exclude term in red
    /// (`ScreeningTerms.marks(in:)` says where).
    private func highlighted(_ line: String) -> String {
        guard highlighting, !(terms.include.isEmpty && terms.exclude.isEmpty) else { return line }
        let characters = Array(line)
        let marks = terms.marks(in: characters)
        var out = ""
        var open = ScreeningTerms.Mark.none
        for (index, character) in characters.enumerated() {
            if marks[index] != open {
                out += open == .none ? "" : "\u{1B}[0m"
                if marks[index] != .none { out += marks[index] == .include ? "\u{1B}[1;32m" : "\u{1B}[1;31m" }
                open = marks[index]
            }
            out.append(character)
        }
        return out + (open == .none ? "" : "\u{1B}[0m")
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
