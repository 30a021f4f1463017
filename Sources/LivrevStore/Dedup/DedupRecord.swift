/// One record reduced to what duplicate detection compares.
///
/// The keys follow what ASySD (Hair et al. 2023, doi:10.1186/s12915-023-01686-z) and bib-dedupe
/// (Wagner et al. 2024) normalise before they compare: titles without case, accents, punctuation
/// and spacing (`p16(INK4a)` = `p16INK4a`, `CO 2` = `CO2`), with a translated title's brackets
/// (`[Title in English]`) and language tags dropped; author surnames as a set (order varies
/// between databases); the first page's number; the journal's words (abbreviations match).
final class DedupRecord {
    let id: Int64
    /// Letters and digits of the title, lower case; nil for an untitled record.
    let title: String?
    /// The title without bracketed or parenthesised parts (a translation's original, a language tag).
    let bareTitle: String?
    /// The title's bytes and its letters' counts, for the similarity's quick bound.
    let titleBytes: [UInt8]
    let titleHistogram: TitleHistogram
    /// The same of ``bareTitle``, or of the title when there is no bare one.
    let bareBytes: [UInt8]
    let bareHistogram: TitleHistogram
    let surnames: [String]
    /// The surnames sorted, each once (author lists are compared as sets).
    let sortedSurnames: [String]
    let year: Int?
    let journalWords: [String]
    /// The journal's words without the ones that say nothing ("journal", "of", "the").
    let journalKey: [String]
    let volume: String?
    let firstPage: String?
    /// The start of every page range (`"230-5, 246-51, 233-8"` has three; a reprint lists them in
    /// another order), without a letter prefix (`c37` is `37`).
    let pageStarts: Set<String>
    /// The last page minus the first, when both are numbers (a supplement's whole range is long).
    let pageSpan: Int?
    /// The normalised title with its spaces (its words are a translated title's overlap).
    let spacedTitle: String
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
        titleBytes = Array(compact.utf8)
        titleHistogram = TitleHistogram(titleBytes)
        bareBytes = self.bareTitle.map { Array($0.utf8) } ?? titleBytes
        bareHistogram = self.bareTitle == nil ? titleHistogram : TitleHistogram(bareBytes)
        surnames = authors.compactMap(RecordKeys.surname)
        sortedSurnames = Array(Set(surnames)).sorted()
        self.year = year
        // An elided article is a word of its own ("d'Anesthesie" is "d Anesthesie").
        var journal = journal ?? ""
        if journal.contains(where: { $0 == "'" || $0 == "’" }) {
            journal = String(journal.map { $0 == "'" || $0 == "’" ? " " : $0 })
        }
        journalWords = RecordKeys.normalizedTitle(journal).split(separator: " ").map(String.init)
        journalKey = journalWords.filter { !Self.journalStopWords.contains($0) }
        // The volume's number: "35 ( Pt 1)" and "10 Suppl 2" are volumes 35 and 10.
        self.volume = volume.map(Self.leadingNumber).flatMap { $0.isEmpty ? nil : $0 }
        let starts = (pages ?? "").split(whereSeparator: { ",;+".contains($0) }).map { range in
            Self.pageNumber(range.drop(while: { !$0.isLetter && !$0.isNumber }).prefix(while: { $0.isLetter || $0.isNumber }))
        }.filter { !$0.isEmpty }
        firstPage = starts.first.map { String($0.drop(while: { !$0.isNumber }).prefix(while: \.isNumber)) }
            .flatMap { $0.isEmpty ? nil : $0 }
        pageStarts = Set(starts)
        let bounds = (pages ?? "").split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        pageSpan = bounds.count == 2 && bounds[1] >= bounds[0] ? bounds[1] - bounds[0] : nil
        spacedTitle = normalized
        self.doi = doi
        self.pmid = pmid
        self.registerNumbers = registerNumbers
        self.fromRegister = fromRegister
    }

    private static let journalStopWords: Set<String> = [
        "the", "of", "and", "journal", "j", "de", "la", "und", "d", "l", "et", "du", "des", "der", "fur", "for", "in", "on",
    ]

    /// The title's words of four letters or more (for a translated title's overlap).
    var words: Set<Substring> { Set(spacedTitle.split(separator: " ").filter { $0.utf8.count >= 4 }) }

    /// Letters and digits only, accents and case removed.
    static func compact(_ text: String) -> String {
        withoutSpaces(RecordKeys.normalizedTitle(text))
    }

    private static func withoutSpaces(_ text: String) -> String {
        String(decoding: text.utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }

    /// A page's start, lower case, without a letter prefix before its number: journals that number
    /// pages `c37` (Nephron Clinical Practice) or `e1001` are indexed by some databases as `37` and
    /// `1001`. A page that is letters only (`xii`) is kept as it is.
    private static func pageNumber(_ start: Substring) -> String {
        let number = start.drop(while: \.isLetter)
        return (number.first?.isNumber == true ? number : start).lowercased()
    }

    private static func leadingNumber(_ text: String) -> String {
        String(text.drop(while: { !$0.isNumber }).prefix(while: \.isNumber).drop(while: { $0 == "0" }))
    }

    /// The title without trailing language tags and notes (`[Spanish]`, `(author's transl)`) and
    /// without the brackets around a translated title (`[Title in English].`).
    ///
    /// Works on the UTF-8 bytes: every character it looks for is ASCII, which no byte of another
    /// character's encoding can be.
    static func withoutTags(_ title: String) -> String {
        let bytes = Array(title.utf8)
        var start = 0, end = bytes.count
        while true {
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x20 { end -= 1 }
            guard end > start, bytes[end - 1] == 0x5D || bytes[end - 1] == 0x29 else { break }  // ] )
            let open: UInt8 = bytes[end - 1] == 0x5D ? 0x5B : 0x28
            guard let opening = bytes[start..<end].lastIndex(of: open), opening != start else { break }
            let inside = bytes[(opening + 1)..<(end - 1)]
            guard inside.split(separator: 0x20).count <= 3, !Self.hasNumber(inside) else { break }
            end = opening
        }
        if end - start >= 1, bytes[start] == 0x5B, bytes[end - 1] == 0x5D {
            start += 1
            end -= 1
        }
        return String(decoding: bytes[start..<max(start, end)].filter { $0 != 0x5B && $0 != 0x5D }, as: UTF8.self)
    }

    /// True when the text holds a number of any script (`Character.isNumber`).
    private static func hasNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.contains { $0 &- 0x30 < 10 } }
        return String(decoding: bytes, as: UTF8.self).contains(where: \.isNumber)
    }

    /// `text` without `[…]` and `(…)` parts.
    static func withoutBracketed(_ text: String) -> String {
        var depth = 0
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x5B || byte == 0x28 { depth += 1; continue }
            if (byte == 0x5D || byte == 0x29) && depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// How often each byte value (folded to 64 classes) occurs in a compact title. Each edit changes
/// one byte, so two titles whose counts differ by more than d in either direction are more than d
/// edits apart: a bound that spares most unrelated pairs the edit distance itself.
struct TitleHistogram {
    /// Counts per class, saturating at 255 (which can only shrink a difference, so the bound
    /// stays a lower bound); held inline, so a record's histograms cost no allocation.
    private var counts = SIMD64<UInt8>()
    private let length: Int

    init(_ bytes: [UInt8]) {
        withUnsafeMutableBytes(of: &counts) { counts in
            for byte in bytes where counts[Int(byte & 63)] < 255 { counts[Int(byte & 63)] += 1 }
        }
        length = bytes.count
    }

    /// A lower bound of the Levenshtein distance between the two titles: the larger of the two
    /// directions' surpluses, which sum to the counts' L1 distance and differ by the lengths'.
    func distanceBound(_ other: TitleHistogram) -> Int {
        var total = 0
        withUnsafeBytes(of: counts) { x in
            withUnsafeBytes(of: other.counts) { y in
                for index in 0..<64 { total += abs(Int(x[index]) - Int(y[index])) }
            }
        }
        return (total + abs(length - other.length)) / 2
    }
}
