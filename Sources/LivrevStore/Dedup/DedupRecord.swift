/// One record reduced to what duplicate detection compares.
///
/// The keys follow what ASySD (Hair et al. 2023, doi:10.1186/s12915-023-01686-z) and bib-dedupe
/// (Wagner et al. 2024) normalise before they compare: titles without case, accents, punctuation
/// and spacing (`p16(INK4a)` = `p16INK4a`, `CO 2` = `CO2`), with a translated title's brackets
/// (`[Title in English]`) and language tags dropped; author surnames as a set (order varies
/// between databases); the first page's number; the journal's words (abbreviations match).
struct DedupRecord {
    let id: Int64
    /// Letters and digits of the title, lower case; nil for an untitled record.
    let title: String?
    /// The title without bracketed or parenthesised parts (a translation's original, a language tag).
    let bareTitle: String?
    let surnames: [String]
    let year: Int?
    let journalWords: [String]
    let volume: String?
    let firstPage: String?
    /// The start of every page range (`"230-5, 246-51, 233-8"` has three; a reprint lists them in
    /// another order).
    let pageStarts: Set<String>
    /// The last page minus the first, when both are numbers (a supplement's whole range is long).
    let pageSpan: Int?
    /// The title's words of four letters or more (for a translated title's overlap).
    let words: Set<Substring>
    let doi: String?
    let pmid: String?
    let registerNumbers: [String]
    let fromRegister: Bool

    init(
        id: Int64, title: String, authors: [String], year: Int?, journal: String?, volume: String?, pages: String?,
        doi: String?, pmid: String?, registerNumbers: [String], fromRegister: Bool
    ) {
        self.id = id
        let normalized = RecordKeys.normalizedTitle(Self.withoutTags(title))
        let compact = Self.withoutSpaces(normalized)
        self.title = compact.isEmpty ? nil : compact
        let bare = Self.compact(Self.withoutBracketed(title))
        self.bareTitle = bare.isEmpty || bare == compact ? nil : bare
        surnames = authors.compactMap(RecordKeys.surname)
        self.year = year
        // An elided article is a word of its own ("d'Anesthesie" is "d Anesthesie").
        var journal = journal ?? ""
        if journal.contains(where: { $0 == "'" || $0 == "’" }) {
            journal = String(journal.map { $0 == "'" || $0 == "’" ? " " : $0 })
        }
        journalWords = RecordKeys.normalizedTitle(journal).split(separator: " ").map(String.init)
        // The volume's number: "35 ( Pt 1)" and "10 Suppl 2" are volumes 35 and 10.
        self.volume = volume.map(Self.leadingNumber).flatMap { $0.isEmpty ? nil : $0 }
        let starts = (pages ?? "").split(whereSeparator: { ",;+".contains($0) }).map { range in
            String(range.drop(while: { !$0.isLetter && !$0.isNumber }).prefix(while: { $0.isLetter || $0.isNumber }))
                .lowercased()
        }.filter { !$0.isEmpty }
        firstPage = starts.first.map { String($0.drop(while: { !$0.isNumber }).prefix(while: \.isNumber)) }
            .flatMap { $0.isEmpty ? nil : $0 }
        pageStarts = Set(starts)
        let bounds = (pages ?? "").split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        pageSpan = bounds.count == 2 && bounds[1] >= bounds[0] ? bounds[1] - bounds[0] : nil
        words = Set(normalized.split(separator: " ").filter { $0.utf8.count >= 4 })
        self.doi = doi
        self.pmid = pmid
        self.registerNumbers = registerNumbers
        self.fromRegister = fromRegister
    }

    /// Letters and digits only, accents and case removed.
    static func compact(_ text: String) -> String {
        withoutSpaces(RecordKeys.normalizedTitle(text))
    }

    private static func withoutSpaces(_ text: String) -> String {
        String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }

    private static func leadingNumber(_ text: String) -> String {
        String(text.drop(while: { !$0.isNumber }).prefix(while: \.isNumber).drop(while: { $0 == "0" }))
    }

    /// The title without trailing language tags and notes (`[Spanish]`, `(author's transl)`) and
    /// without the brackets around a translated title (`[Title in English].`).
    static func withoutTags(_ title: String) -> String {
        var text = Substring(title)
        while true {
            text = text.drop(while: { $0 == " " })
            while let last = text.last, last == "." || last == " " { text = text.dropLast() }
            guard let last = text.last, last == "]" || last == ")" else { break }
            let open: Character = last == "]" ? "[" : "("
            guard let start = text.lastIndex(of: open), start != text.startIndex else { break }
            let inside = text[text.index(after: start)..<text.index(before: text.endIndex)]
            guard inside.split(separator: " ").count <= 3, !inside.contains(where: \.isNumber) else { break }
            text = text[..<start]
        }
        if text.first == "[", text.last == "]" { text = text.dropFirst().dropLast() }
        return String(text).filter { $0 != "[" && $0 != "]" }
    }

    /// `text` without `[…]` and `(…)` parts.
    static func withoutBracketed(_ text: String) -> String {
        var depth = 0
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "[" || scalar == "(" { depth += 1; continue }
            if (scalar == "]" || scalar == ")") && depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(scalar) }
        }
        return String(out)
    }
}
