/// Reads ``ImportedRecord``s out of an EndNote XML export (File → Export → XML).
///
/// The file is `<xml><records><record>…</record>…</records></xml>`; a record's text sits in its
/// elements, often wrapped in `<style face=… font=… size=…>` runs. Fields kept (EndNote's XML
/// document type, `xml/records/record`): `titles/title`, `contributors/authors/author`,
/// `titles/secondary-title` (else `periodical/full-title`, `periodical/abbr-1`), `dates/year`,
/// `volume`, `number`, `pages`, `keywords/keyword`, `abstract`, `electronic-resource-num` (DOI,
/// else a DOI in `urls`), `accession-num` as the PMID when `remote-database-name` or
/// `remote-database-provider` names PubMed, MEDLINE or NLM, and registry numbers from
/// `accession-num` and `urls`. Character references (`&amp;`, `&#xD;`, `&#233;`) are decoded.
package final class EndNoteXMLReader: ImportedRecordReader {
    private let text: String
    private let file: String
    private var cursor: String.Index
    /// Lines are counted up to `counted`, which is on line `countedLine`.
    private var counted: String.Index
    private var countedLine = 1

    /// Reads the whole (small) XML document from `lines`.
    package init(lines: LineReader) throws(ImportError) {
        var all: [UInt8] = []
        while try lines.nextLine() {
            try lines.validateLine()
            try lines.withLine { line throws(ImportError) in all.append(contentsOf: line) }
            all.append(0x0A)
        }
        text = String(decoding: all, as: UTF8.self)
        file = lines.file
        cursor = text.startIndex
        counted = text.startIndex
    }

    /// The next record, or nil at the end of the document.
    package func next() throws(ImportError) -> ImportedRecord? {
        guard let open = XMLText.find("record", in: text[cursor...]) else { return nil }
        guard let close = text[open.upperBound...].range(of: "</record>") else {
            throw ImportError.truncated(file: file, line: line(at: open.lowerBound))
        }
        let line = line(at: open.lowerBound)
        let body = text[open.upperBound..<close.lowerBound]
        cursor = close.upperBound
        return Self.record(body, line: line)
    }

    private func line(at index: String.Index) -> Int {
        countedLine += text[counted..<index].utf8.lazy.filter { $0 == 0x0A }.count
        counted = index
        return countedLine
    }

    private static func record(_ body: Substring, line: Int) -> ImportedRecord {
        func one(_ name: String, in scope: Substring? = nil) -> String? {
            XMLText.elements(name, in: scope ?? body).first.map(XMLText.text).flatMap { $0.isEmpty ? nil : $0 }
        }
        let titles = XMLText.elements("titles", in: body).first
        let periodical = XMLText.elements("periodical", in: body).first
        let authors = XMLText.elements("authors", in: body).first.map { XMLText.elements("author", in: $0) } ?? []
        let keywords = XMLText.elements("keyword", in: body).map(XMLText.text).filter { !$0.isEmpty }
        let urls = XMLText.elements("url", in: body).map(XMLText.text)
        let accession = one("accession-num")
        let database = [one("remote-database-name"), one("remote-database-provider")].compactMap { $0 }.joined(separator: " ")
        var registry: [String] = []
        for value in [accession].compactMap({ $0 }) + urls {
            for number in Identifiers.registryNumbers(in: value) where !registry.contains(number) { registry.append(number) }
        }
        let doi =
            one("electronic-resource-num").flatMap { value -> String? in
                var value = value
                return value.withUTF8 { ByteText.embeddedDOI(in: $0) } ?? value
            }
            ?? urls.lazy.compactMap(Identifiers.doi(inLink:)).first
        let fromPubMed = Identifiers.namesPubMed(Array(database.utf8))
        return ImportedRecord(
            title: titles.flatMap { one("title", in: $0) } ?? "",
            abstract: one("abstract"),
            authors: authors.map(XMLText.text).filter { !$0.isEmpty },
            year: one("year").flatMap { ByteText.year(in: $0.utf8) },
            journal: titles.flatMap { one("secondary-title", in: $0) }
                ?? periodical.flatMap {
                    one("full-title", in: $0) ?? one("abbr-1", in: $0)
                },
            volume: one("volume"),
            issue: one("number"),
            pages: one("pages"),
            doi: doi,
            pmid: fromPubMed ? accession.flatMap { ByteText.allDigits($0.utf8) ? $0 : nil } : nil,
            registryNumbers: registry,
            keywords: keywords,
            line: line)
    }
}

/// Just enough XML for EndNote's export: elements by name, their text, character references.
enum XMLText {
    /// The range of the first start tag `<name>` or `<name …>` in `text`.
    static func find(_ name: String, in text: Substring) -> Range<String.Index>? {
        var search = text.startIndex
        while let open = text[search...].range(of: "<" + name) {
            guard let next = text[open.upperBound...].first else { return nil }
            if next == ">" || next == " " || next == "\t" || next == "\n" || next == "/" {
                guard let end = text[open.upperBound...].firstIndex(of: ">") else { return nil }
                if text[text.index(before: end)] == "/" {  // <name/>: empty
                    search = text.index(after: end)
                    continue
                }
                return open.lowerBound..<text.index(after: end)
            }
            search = open.upperBound
        }
        return nil
    }

    /// The content of every `<name …>…</name>` element in `text` (not nested in itself).
    static func elements(_ name: String, in text: Substring) -> [Substring] {
        var found: [Substring] = []
        var rest = text
        while let open = find(name, in: rest), let close = rest[open.upperBound...].range(of: "</" + name + ">") {
            found.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The text of an element: tags removed, character references decoded, whitespace collapsed.
    static func text(_ content: Substring) -> String {
        var out = ""
        var index = content.startIndex
        while index < content.endIndex {
            let character = content[index]
            if character == "<" {
                index = content[index...].firstIndex(of: ">").map { content.index(after: $0) } ?? content.endIndex
                continue
            }
            if character == "&", let semicolon = content[index...].prefix(12).firstIndex(of: ";") {
                let entity = content[content.index(after: index)..<semicolon]
                if let decoded = decode(entity) {
                    out.append(decoded)
                    index = content.index(after: semicolon)
                    continue
                }
            }
            out.append(character)
            index = content.index(after: index)
        }
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    private static func decode(_ entity: Substring) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let number = entity.dropFirst()
            let value = number.hasPrefix("x") || number.hasPrefix("X") ? UInt32(number.dropFirst(), radix: 16) : UInt32(number)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
