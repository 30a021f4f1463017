/// Streams ``ImportedRecord``s out of a Web of Science plain-text export ("Other file formats →
/// Plain text").
///
/// The file starts `FN …` / `VR 1.0`, each record runs from `PT` to `ER`, and `EF` ends the file.
/// A line is a two-character tag, a space and the value; a line starting with three spaces continues
/// the previous tag, as a further value for the list fields (AU, AF) and as more text otherwise.
/// Fields kept (Clarivate, "Web of Science Core Collection Field Tags"): TI title, AF (full names,
/// else AU) authors, SO source, PY year (else EA early access), VL, IS, BP–EP (else AR article
/// number) pages, DI DOI, PM PubMed ID, AB abstract, DE author keywords then ID Keywords Plus.
package final class WebOfScienceReader: ImportedRecordReader {
    private let lines: LineReader

    /// Reads Web of Science lines from an opened source.
    package init(lines: LineReader) {
        self.lines = lines
    }

    /// The next record, or nil at the end of the file.
    package func next() throws(ImportError) -> ImportedRecord? {
        var fields: [String: [String]] = [:]
        var current: String?
        var start = 0
        while try lines.nextLine() {
            try lines.validateLine()
            let text = try lines.withLine { line throws(ImportError) in ByteText.string(line) }
            if text.trimmingSpaces.isEmpty { continue }
            if text.hasPrefix("   ") || text.hasPrefix("\t") {
                guard let tag = current else { continue }
                let value = text.trimmingSpaces
                if Self.listTags.contains(tag) {
                    fields[tag, default: []].append(value)
                } else if var values = fields[tag], let last = values.popLast() {
                    values.append(last + " " + value)
                    fields[tag] = values
                }
                continue
            }
            let tag = String(text.prefix(2))
            let value = text.count > 3 ? String(text.dropFirst(3)).trimmingSpaces : ""
            switch tag {
            case "FN", "VR", "EF": current = nil
            case "PT":
                fields = ["PT": [value]]
                start = lines.lineNumber
                current = tag
            case "ER":
                if start > 0 { return Self.record(fields, line: start) }
            default:
                guard start > 0 else { continue }
                fields[tag, default: []].append(value)
                current = tag
            }
        }
        if start > 0 && !fields.isEmpty { throw ImportError.truncated(file: lines.file, line: start) }
        return nil
    }

    private static let listTags: Set<String> = ["AU", "AF", "BA", "BF", "CA", "C1", "CR"]

    private static func record(_ fields: [String: [String]], line: Int) -> ImportedRecord {
        func one(_ tag: String) -> String? { fields[tag]?.first.flatMap { $0.isEmpty ? nil : $0 } }
        let keywords = ["DE", "ID"].flatMap { tag in
            (fields[tag] ?? []).joined(separator: " ").split(separator: ";").map { $0.trimmingSpaces }
        }.filter { !$0.isEmpty }
        let authors = (fields["AF"] ?? fields["AU"] ?? []).filter { !$0.isEmpty }
        return ImportedRecord(
            title: one("TI") ?? "",
            abstract: one("AB"),
            authors: authors,
            year: (one("PY") ?? one("EA") ?? one("PD")).flatMap { ByteText.year(in: $0.utf8) },
            journal: one("SO"),
            volume: one("VL"),
            issue: one("IS"),
            pages: Identifiers.pages(start: one("BP"), end: one("EP")) ?? one("AR"),
            doi: one("DI"),
            pmid: one("PM").flatMap { ByteText.allDigits($0.utf8) ? $0 : nil },
            registryNumbers: [],
            keywords: keywords,
            line: line)
    }
}

/// Streams ``ImportedRecord``s out of a Cochrane Library plain-text export.
///
/// Records start at `Record #n of N` (or, without those lines, at an `ID:` tag when the current
/// record already has one); each line is a tag of two or three capitals, a colon, a space and the
/// value, and an untagged line continues the previous value. Fields kept: ID (the CENTRAL number,
/// not a PMID), AU (one per line, or `;`-separated), TI, SO journal, YR year, VL, NO issue, PG
/// pages, DOI, PM (`PUBMED n`) and XR cross references for the PMID, AB, KY keywords (`;`), and
/// registry numbers from XR and US (the record's link).
package final class CochraneReader: ImportedRecordReader {
    private let lines: LineReader
    private var pending: (tag: String, value: String, line: Int)?

    /// Reads Cochrane plain-text lines from an opened source.
    package init(lines: LineReader) {
        self.lines = lines
    }

    /// The next record, or nil at the end of the file.
    package func next() throws(ImportError) -> ImportedRecord? {
        var fields: [(tag: String, value: String)] = []
        var start = 0
        if let (tag, value, line) = pending {
            pending = nil
            start = line
            if !tag.isEmpty { fields.append((tag, value)) }
        }
        while try lines.nextLine() {
            try lines.validateLine()
            let text = try lines.withLine { line throws(ImportError) in ByteText.string(line) }
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("Record #") {
                if start > 0 && !fields.isEmpty {
                    pending = ("", "", lines.lineNumber)
                    return Self.record(fields, line: start)
                }
                start = lines.lineNumber
                continue
            }
            if let colon = Self.tagEnd(text) {
                let tag = String(text[..<colon])
                let value = String(text[text.index(after: colon)...]).trimmingSpaces
                if tag == "ID", fields.contains(where: { $0.tag == "ID" }) {
                    pending = (tag, value, lines.lineNumber)
                    return Self.record(fields, line: start)
                }
                if start == 0 { start = lines.lineNumber }
                fields.append((tag, value))
            } else if !fields.isEmpty {
                fields[fields.count - 1].value += " " + trimmed
            }
        }
        return fields.isEmpty ? nil : Self.record(fields, line: start)
    }

    /// The index of the colon of a `XX: ` / `XXX: ` / `DOI: ` tag, or nil.
    private static func tagEnd(_ text: String) -> String.Index? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let tag = text[..<colon]
        guard (2...3).contains(tag.count), tag.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }),
            tag.first?.isLetter == true
        else { return nil }
        let after = text.index(after: colon)
        return after == text.endIndex || text[after] == " " ? colon : nil
    }

    private static func record(_ fields: [(tag: String, value: String)], line: Int) -> ImportedRecord {
        func values(_ tag: String) -> [String] { fields.filter { $0.tag == tag }.map(\.value).filter { !$0.isEmpty } }
        func one(_ tag: String) -> String? { values(tag).first }
        var registry: [String] = []
        for value in values("XR") + values("US") {
            for number in Identifiers.registryNumbers(in: value) where !registry.contains(number) { registry.append(number) }
        }
        let pmid = (values("PM") + values("XR")).lazy.compactMap { Identifiers.labelledPMID($0) }.first
        let authors = values("AU").flatMap { $0.split(separator: ";").map { $0.trimmingSpaces } }.filter { !$0.isEmpty }
        let keywords = values("KY").flatMap { $0.split(separator: ";").map { $0.trimmingSpaces } }.filter { !$0.isEmpty }
        return ImportedRecord(
            title: one("TI") ?? "",
            abstract: one("AB"),
            authors: authors,
            year: one("YR").flatMap { ByteText.year(in: $0.utf8) },
            journal: one("SO"),
            volume: one("VL"),
            issue: one("NO"),
            pages: one("PG"),
            doi: one("DOI") ?? one("US").flatMap(Identifiers.doi(inLink:)),
            pmid: pmid,
            registryNumbers: registry,
            keywords: keywords,
            line: line)
    }
}
