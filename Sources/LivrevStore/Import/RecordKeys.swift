import Foundation

/// Normalized keys used to find duplicate records: DOI, title, first author's surname, registry numbers.
///
/// Two records that agree on a key are likely the same report, whatever the export's spelling.
/// Sources: DOI Handbook §2.4 (DOIs are case-insensitive, `10.` prefix), Unicode Standard Annex #15
/// (compatibility decomposition, NFKD), ClinicalTrials.gov identifiers (`NCT` + 8 digits).
package enum RecordKeys {
    /// Lower-cased DOI without resolver prefix or trailing punctuation, or nil when it is not a DOI.
    ///
    /// `" https://doi.org/10.1186/S13287-019-1447-Y. "` → `"10.1186/s13287-019-1447-y"`; prefixes
    /// `https://doi.org/`, `http://dx.doi.org/`, `doi.org/`, `doi:` (any case, repeated) are removed,
    /// and a DOI ends at the first space (it cannot hold one; Rayyan writes `10.1/x     LK  - …`).
    package static func normalizedDOI(_ text: String) -> String? {
        if let ascii = asciiNormalizedDOI(text) { return ascii.isEmpty ? nil : ascii }
        var doi = Substring(text.lowercased())
        var changed = true
        while changed {
            changed = false
            doi = doi.drop(while: { $0.isWhitespace })
            for prefix in doiPrefixes where doi.hasPrefix(prefix) {
                doi = doi.dropFirst(prefix.count)
                changed = true
            }
        }
        if let space = doi.firstIndex(where: { $0.isWhitespace }) { doi = doi[..<space] }
        while let last = doi.last, last.isWhitespace || doiTrailing.contains(last) {
            doi = doi.dropLast()
        }
        guard doi.hasPrefix("10."), doi.contains("/") else { return nil }
        return String(doi)
    }

    /// The title reduced for comparison: NFKD without combining marks, lower case, punctuation and
    /// symbols turned into spaces (apostrophes removed), whitespace collapsed, trimmed.
    ///
    /// `"Álvaro-Gracia’s  TGF-β trial."` → `"alvaro gracias tgf β trial"`.
    package static func normalizedTitle(_ title: String) -> String {
        if let ascii = asciiNormalizedTitle(title) { return ascii }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in title.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format:
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            default:
                if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" { continue }
                pendingSpace = true
            }
        }
        return String(result)
    }

    /// The first author's surname, lower case, without diacritics, spaces, hyphens or apostrophes.
    ///
    /// `"Smith, John"` and `"Smith J"` → `"smith"`; `"van der Berg A"` → `"vanderberg"`;
    /// `"Álvaro-Gracia JM"` → `"alvarogracia"`. Without a comma, trailing initials (up to four
    /// capitals, dots or hyphens allowed) and `Jr`/`Sr`/`II`/`III` are dropped; a name with neither
    /// (a group author, "John Smith") is kept whole. Nil for an empty name.
    package static func firstAuthorSurname(_ authors: [String]) -> String? {
        authors.first.flatMap(surname)
    }

    /// The surname of one author name, normalized as ``firstAuthorSurname(_:)``.
    package static func surname(_ author: String) -> String? {
        if let ascii = asciiSurname(author) { return ascii.isEmpty ? nil : String(decoding: ascii, as: UTF8.self) }
        var name = Substring(author)
        if let comma = name.firstIndex(of: ",") {
            name = name[..<comma]
        } else {
            var tokens = name.split(whereSeparator: { $0.isWhitespace })
            while tokens.count > 1, let last = tokens.last,
                ["jr", "jr.", "sr", "sr.", "ii", "iii", "2nd", "3rd"].contains(last.lowercased())
            {
                tokens.removeLast()
            }
            if tokens.count > 1, let last = tokens.last, isInitials(last) { tokens.removeLast() }
            name = Substring(tokens.joined(separator: " "))
        }
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, most names: the same letters and digits, lower-cased, without Foundation's NFKD.
            var bytes: [UInt8] = []
            for byte in name.utf8 {
                switch byte {
                case 0x41...0x5A: bytes.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
                default: continue
                }
            }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
        var result = String.UnicodeScalarView()
        for scalar in name.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .decimalNumber:
                result.append(scalar)
            default:
                continue
            }
        }
        return result.isEmpty ? nil : String(result)
    }

    /// Each `NCT` + 8 digits in `text` (any case), upper case, each once, in order.
    package static func registryNumbers(in text: String) -> [String] {
        var found: [String] = []
        var text = text
        text.withUTF8 { ByteText.collectRegistryNumbers(in: $0, into: &found) }
        return found
    }

    /// True for "J", "JM", "J.M.", "J-M": one to four capital letters with optional dots and hyphens.
    private static func isInitials(_ token: Substring) -> Bool {
        let letters = token.filter { $0 != "." && $0 != "-" }
        return (1...4).contains(letters.count) && letters.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    // MARK: - ASCII fast paths (most exports); each gives what the Unicode path gives for ASCII text

    private static let doiPrefixes = [
        "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
        "doi.org/", "dx.doi.org/", "doi:", "doi ",
    ]
    private static let asciiDOIPrefixes = doiPrefixes.map { Array($0.utf8) }
    private static let doiTrailing = ".,;:)]}'\">/"
    private static let asciiDOITrailing = Array(doiTrailing.utf8)

    /// `normalizedDOI` on bytes for an ASCII DOI: nil when the text is not ASCII, "" when it is no DOI.
    private static func asciiNormalizedDOI(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        for index in bytes.indices where bytes[index] &- 0x41 < 26 { bytes[index] |= 0x20 }
        var start = 0
        var changed = true
        while changed {
            changed = false
            while start < bytes.count, isASCIISpace(bytes[start]) { start += 1 }
            for prefix in asciiDOIPrefixes
            where bytes.count - start >= prefix.count && bytes[start..<start + prefix.count].elementsEqual(prefix) {
                start += prefix.count
                changed = true
            }
        }
        var end = bytes[start...].firstIndex(where: isASCIISpace) ?? bytes.count
        while end > start, isASCIISpace(bytes[end - 1]) || asciiDOITrailing.contains(bytes[end - 1]) { end -= 1 }
        let doi = bytes[start..<end]
        guard doi.starts(with: "10.".utf8), doi.contains(0x2F) else { return "" }
        return String(decoding: doi, as: UTF8.self)
    }

    /// `normalizedTitle` for an ASCII title: letters lower-cased, digits kept, apostrophes dropped,
    /// every other run of characters one space. Nil when the title is not ASCII.
    private static func asciiNormalizedTitle(_ title: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for byte in title.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
            if lower &- 0x61 < 26 || lower &- 0x30 < 10 {
                if pendingSpace && !result.isEmpty { result.append(0x20) }
                pendingSpace = false
                result.append(lower)
            } else if byte != 0x27 {
                pendingSpace = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `surname` for an ASCII name, as bytes ("" for none); nil when the name is not ASCII.
    private static func asciiSurname(_ author: String) -> [UInt8]? {
        var author = author
        return author.withUTF8 { bytes -> [UInt8]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.firstIndex(of: 0x2C) ?? bytes.count
            if end == bytes.count {
                // Without a comma: drop a trailing suffix, then trailing initials, while a word is left.
                func lastWord(before end: Int) -> (start: Int, end: Int)? {
                    var stop = end
                    while stop > 0, isASCIISpace(bytes[stop - 1]) { stop -= 1 }
                    var start = stop
                    while start > 0, !isASCIISpace(bytes[start - 1]) { start -= 1 }
                    return start < stop ? (start, stop) : nil
                }
                func hasWord(before end: Int) -> Bool { lastWord(before: end) != nil }
                while let word = lastWord(before: end), hasWord(before: word.start),
                    asciiSuffixes.contains(bytes[word.start..<word.end].map { $0 | 0x20 })
                {
                    end = word.start
                }
                if let word = lastWord(before: end), hasWord(before: word.start),
                    isASCIIInitials(bytes[word.start..<word.end])
                {
                    end = word.start
                }
            }
            var result: [UInt8] = []
            for byte in bytes[..<end] {
                switch byte {
                case 0x41...0x5A: result.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: result.append(byte)
                default: continue
                }
            }
            return result
        }
    }

    private static let asciiSuffixes: Set<[UInt8]> = Set(
        ["jr", "jr.", "sr", "sr.", "ii", "iii", "2nd", "3rd"].map { Array($0.utf8) })

    /// ``isInitials(_:)`` for ASCII bytes.
    private static func isASCIIInitials(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let letters = token.filter { $0 != 0x2E && $0 != 0x2D }
        return (1...4).contains(letters.count) && letters.allSatisfy { $0 &- 0x41 < 26 }
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
