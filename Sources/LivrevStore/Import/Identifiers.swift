/// Where exports keep identifiers, and the forms those identifiers take.
///
/// Trial registry numbers follow each register's own identifier form as the WHO ICTRP lists them:
/// ClinicalTrials.gov `NCT` + 8 digits, ISRCTN + 8 digits, ANZCTR `ACTRN` + 14 digits, ChiCTR
/// (`ChiCTR2000029308`, `ChiCTR-TRC-12002345`), EudraCT `YYYY-NNNNNN-CC` (kept as ICTRP's
/// `EUCTR…`), DRKS + 8 digits, CTRI `CTRI/YYYY/MM/NNNNNN`, PACTR + 15 digits, `UMIN` + 9 digits.
/// They are read from identifier fields only: a trial number cited in a title or abstract belongs
/// to the cited trial, not to the record.
package enum Identifiers {
    /// Appends each registry number in an identifier field (or a link to a register entry) to `found`,
    /// in canonical form, unless it is already there.
    static func collectRegistryNumbers(in bytes: UnsafeBufferPointer<UInt8>, into found: inout [String]) {
        guard bytes.count >= 8 else { return }
        for number in registryNumbers(in: ByteText.string(bytes)) where !found.contains(number) {
            found.append(number)
        }
    }

    /// Links name register entries by their number (`https://clinicaltrials.gov/study/NCT01234567`).
    static func collectRegistryNumbers(inLink bytes: UnsafeBufferPointer<UInt8>, into found: inout [String]) {
        collectRegistryNumbers(in: bytes, into: &found)
    }

    /// Every registry number in `text`, canonical, each once, in order.
    package static func registryNumbers(in text: String) -> [String] {
        var found: [String] = []
        let tokens = text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/")) })
        var afterEudraCTLabel = false
        for raw in tokens {
            let token = raw.uppercased()
            if let number = canonical(token, labelled: afterEudraCTLabel), !found.contains(number) {
                found.append(number)
            } else {
                // A link's path: try each segment (`…/show/NCT01234567`).
                for segment in token.split(separator: "/") where segment.count >= 8 {
                    if let number = canonical(String(segment), labelled: false), !found.contains(number) {
                        found.append(number)
                    }
                }
            }
            afterEudraCTLabel = token == "EUDRACT" || token == "EUCTR"
        }
        return found
    }

    /// The canonical registry number a token is, or nil.
    private static func canonical(_ token: String, labelled: Bool) -> String? {
        let bytes = Array(token.utf8)
        func digits(from start: Int, count: Int) -> Bool {
            bytes.count == start + count && bytes[start...].allSatisfy(ByteText.isDigit)
        }
        if token.hasPrefix("NCT") && digits(from: 3, count: 8) { return token }
        if token.hasPrefix("ISRCTN") && digits(from: 6, count: 8) { return token }
        if token.hasPrefix("ACTRN") && digits(from: 5, count: 14) { return token }
        if token.hasPrefix("DRKS") && digits(from: 4, count: 8) { return token }
        if token.hasPrefix("PACTR") && digits(from: 5, count: 15) { return token }
        if token.hasPrefix("UMIN") && digits(from: 4, count: 9) { return token }
        if token.hasPrefix("JPRN-UMIN") && digits(from: 9, count: 9) { return String(token.dropFirst(5)) }
        if token.hasPrefix("CHICTR") {
            let rest = token.dropFirst(6)
            let digitRun = rest.reversed().prefix(while: { $0.isNumber }).count
            let letters = rest.dropLast(digitRun)
            if digitRun >= 6, letters.allSatisfy({ $0 == "-" || ($0.isLetter && $0.isASCII) }) {
                return "ChiCTR" + rest
            }
        }
        if token.hasPrefix("CTRI/") {
            let parts = token.split(separator: "/")
            if parts.count == 4, parts[1].count == 4, parts[3].count == 6,
                parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isNumber) })
            {
                return token
            }
        }
        var eudract = Substring(token)
        if eudract.hasPrefix("EUCTR") { eudract = eudract.dropFirst(5) }
        let parts = eudract.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count >= 3, parts[0].count == 4, parts[1].count == 6, parts[2].count == 2,
            parts.prefix(3).allSatisfy({ $0.allSatisfy(\.isNumber) }),
            labelled || token.hasPrefix("EUCTR") || parts.count == 3
        {
            return "EUCTR" + parts.prefix(3).joined(separator: "-")
        }
        return nil
    }

    /// The PMID of a labelled identifier (`PUBMED 21314913`, `PMID: 123`), or nil.
    static func labelledPMID(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        labelledPMID(ByteText.string(bytes))
    }

    /// The PMID of a labelled identifier or a PubMed link (`https://pubmed.ncbi.nlm.nih.gov/123/`).
    package static func labelledPMID(_ text: String) -> String? {
        let lower = text.lowercased()
        for label in ["pubmed.ncbi.nlm.nih.gov/", "pubmed", "pmid", "medline"] {
            guard let range = lower.range(of: label) else { continue }
            let rest = lower[range.upperBound...].drop(while: { $0 == " " || $0 == ":" || $0 == "-" || $0 == "=" })
            let number = rest.prefix(while: { $0.isASCII && $0.isNumber })
            let after = rest.dropFirst(number.count).first
            if (1...9).contains(number.count), after.map({ !($0.isLetter || $0.isNumber) }) ?? true {
                return String(number)
            }
        }
        return nil
    }

    /// The DOI a link holds (`https://doi.org/10.1/x`, or a link resolver's `…&id=doi:10.1%2Fx&…`):
    /// percent-encoding undone, a query parameter cut at the next `&`.
    package static func doi(inLink link: String) -> String? {
        guard let range = link.range(of: "10.") else { return nil }
        var candidate = String(link[range.lowerBound...])
        if let amp = candidate.firstIndex(of: "&") { candidate = String(candidate[..<amp]) }
        candidate = percentDecoded(candidate)
        return candidate.withUTF8 { ByteText.embeddedDOI(in: $0) }
    }

    static func doi(inLink bytes: UnsafeBufferPointer<UInt8>) -> String? {
        ByteText.embeddedDOI(in: bytes) == nil && !bytes.contains(0x25) ? nil : doi(inLink: ByteText.string(bytes))
    }

    /// `%2F` → `/` and so on; malformed escapes are kept as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == 0x25, utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when a database name (`DB`/`DP`) says the record came from PubMed or MEDLINE.
    static func namesPubMed(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        let lower = String(decoding: bytes, as: UTF8.self).lowercased()
        return lower.contains("pubmed") || lower.contains("medline") || lower.contains("nlm")
    }

    /// True when a database name says the record came from Embase (whose `C5` holds the MEDLINE PMID).
    static func namesEmbase(_ bytes: [UInt8]) -> Bool {
        !bytes.isEmpty && String(decoding: bytes, as: UTF8.self).lowercased().contains("embase")
    }

    /// True when a database name says the record came from Scopus (whose `C2` holds the PMID).
    static func namesScopus(_ bytes: [UInt8]) -> Bool {
        !bytes.isEmpty && String(decoding: bytes, as: UTF8.self).lowercased().contains("scopus")
    }

    /// A page range from a start page and an end page as exports give them (`349-69`; `12` and `19`).
    package static func pages(start: String?, end: String?) -> String? {
        let start = start?.trimmingSpaces, end = end?.trimmingSpaces
        guard let start, !start.isEmpty else { return end.flatMap { $0.isEmpty ? nil : $0 } }
        guard let end, !end.isEmpty, end != start, !start.contains("-") else { return start }
        return start + "-" + end
    }
}
