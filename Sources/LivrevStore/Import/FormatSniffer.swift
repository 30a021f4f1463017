/// What the content of an export says it is.
package struct SniffedFormat: Equatable, Sendable {
    package let format: ImportFormat
    /// The field delimiter of a CSV file (`,` `;` tab or `|`); a comma for the other formats.
    package let delimiter: UInt8

    package init(_ format: ImportFormat, delimiter: UInt8 = 0x2C) {
        self.format = format
        self.delimiter = delimiter
    }
}

/// Reads an export's format from its first lines, whatever the file is named.
///
/// Each format has a mark no other has: RIS a `TY  - ` line (RIS specification: every record starts
/// with it); MEDLINE a `PMID- ` or `PMC - ` line, or its four-column tags (`FAU - `, `TI  - `)
/// without `TY`; Web of Science plain text its `FN ` header or `PT `/`ER` two-letter tag lines;
/// Cochrane's plain text its `Record #n of N` lines and `XX: ` tags; EndNote XML its
/// `<xml><records><record>` elements. What is left is CSV or TSV when its lines split into the same
/// number of fields (the delimiter that does so best wins), and otherwise not a format livrev reads.
package enum FormatSniffer {
    /// The format of `source`'s content.
    ///
    /// - Throws: ``ImportError/noRecords(file:format:)`` for an empty file,
    ///   ``ImportError/unsupportedFormat(file:looksLike:)`` for text in another format.
    package static func sniff(_ source: ImportSource) throws(ImportError) -> SniffedFormat {
        let text = String(decoding: source.head, as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if source.head.count == ImportSource.headLimit, lines.count > 1 { lines.removeLast() }  // cut mid-line
        let nonBlank = lines.lazy.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }.filter {
            !$0.allSatisfy { $0 == " " || $0 == "\t" }
        }
        guard let first = nonBlank.first else { throw ImportError.noRecords(file: source.file, format: "an empty file") }
        let start = first.drop(while: { $0 == " " || $0 == "\t" })
        if start.hasPrefix("<") {
            let lower = text.prefix(4096).lowercased()
            if lower.contains("<record") && (lower.contains("<xml") || lower.contains("<records")) {
                return SniffedFormat(.endnoteXML)
            }
            let what =
                lower.contains("<pubmedarticle") ? "PubMed XML" : lower.contains("<html") ? "an HTML page" : "XML"
            throw ImportError.unsupportedFormat(file: source.file, looksLike: what)
        }
        if start.hasPrefix("{") || start.hasPrefix("[") {
            throw ImportError.unsupportedFormat(file: source.file, looksLike: "JSON")
        }
        if start.hasPrefix("@"), start.contains("{") {
            throw ImportError.unsupportedFormat(file: source.file, looksLike: "BibTeX")
        }
        if start.hasPrefix("%0 ") || start.hasPrefix("%A ") || start.hasPrefix("%T ") {
            throw ImportError.unsupportedFormat(file: source.file, looksLike: "EndNote/Refer tagged text (%0, %A)")
        }
        var ris = 0, medline = 0, medlineTags = 0, wos = 0, cochraneRecord = 0, cochraneTags = 0
        for line in nonBlank.prefix(2000) {
            let bytes = Array(line.utf8)
            if bytes.count >= 5, bytes[0] == 0x54, bytes[1] == 0x59, bytes[2] == 0x20, bytes[3] == 0x20, bytes[4] == 0x2D {
                ris += 1
            }
            if line.hasPrefix("PMID- ") || line.hasPrefix("PMC - ") { medline += 1 }
            if Self.isMedlineTagLine(bytes) { medlineTags += 1 }
            if line.hasPrefix("FN ") || line.hasPrefix("PT ") || line == "ER" || line == "EF" || line.hasPrefix("VR ") {
                wos += 1
            }
            if line.hasPrefix("Record #"), line.contains(" of ") { cochraneRecord += 1 }
            if Self.isCochraneTagLine(bytes) { cochraneTags += 1 }
        }
        if ris > 0 { return SniffedFormat(.ris) }
        if medline > 0 || medlineTags >= 3 { return SniffedFormat(.medline) }
        if wos >= 2 || first.hasPrefix("FN ") { return SniffedFormat(.wos) }
        if cochraneTags >= 2 && (cochraneRecord > 0 || cochraneTags >= 3) { return SniffedFormat(.cochrane) }
        if let delimiter = csvDelimiter(Array(nonBlank.prefix(60)).map(String.init)) {
            return SniffedFormat(.csv, delimiter: delimiter)
        }
        if RecordColumns.isTitleColumn(String(first)) { return SniffedFormat(.csv) }  // a one-column CSV
        throw ImportError.unsupportedFormat(file: source.file, looksLike: "text without a record structure")
    }

    /// `TAG - value` with the tag (2–4 capitals or digits) padded to four columns, `-` in column 5.
    private static func isMedlineTagLine(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 6, bytes[4] == 0x2D, bytes[5] == 0x20 else { return false }
        var index = 0
        while index < 4 && ByteText.isUpperAlnum(bytes[index]) { index += 1 }
        return index >= 2 && bytes[index..<4].allSatisfy { $0 == 0x20 }
    }

    /// `XX: value` or `XXX: value` (two or three capitals, a colon, a space).
    private static func isCochraneTagLine(_ bytes: [UInt8]) -> Bool {
        for length in 2...3 where bytes.count > length + 1 {
            if bytes[..<length].allSatisfy({ $0 &- 0x41 < 26 }), bytes[length] == 0x3A, bytes[length + 1] == 0x20 {
                return true
            }
        }
        return false
    }

    /// The delimiter that splits the lines into the same number (≥ 2) of fields most often, or nil.
    ///
    /// Fields are counted outside double quotes, so a quoted field with commas or line breaks counts
    /// once; candidates are comma, semicolon, tab and vertical bar, in that order on a tie.
    static func csvDelimiter(_ lines: [String]) -> UInt8? {
        var best: (delimiter: UInt8, score: Int)?
        for delimiter: UInt8 in [0x2C, 0x3B, 0x09, 0x7C] {
            var counts: [Int: Int] = [:]
            var inQuotes = false
            var fields = 1
            for line in lines {
                for byte in line.utf8 {
                    if byte == 0x22 { inQuotes.toggle() } else if byte == delimiter && !inQuotes { fields += 1 }
                }
                if !inQuotes {
                    if fields >= 2 { counts[fields, default: 0] += 1 }
                    fields = 1
                }
            }
            guard let (_, rows) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) })
            else { continue }
            if rows > (best?.score ?? 0) { best = (delimiter, rows) }
        }
        return best?.delimiter
    }
}
