import Foundation
import LivrevReports
import LivrevStore

/// One stored record in each output of `records show` and `records export`, with SPEC's field names.
enum RecordFields {
    static let names = [
        "id", "title", "abstract", "authors", "year", "journal", "volume", "issue", "pages", "doi", "pmid",
        "registry_ids", "keywords", "search", "source_format", "duplicate_of", "status",
    ]

    static func json(_ record: StoredRecord) -> JSONValue {
        .object([
            ("id", .integer(Int(record.id))), ("title", .string(record.title)), ("abstract", .string(record.abstract)),
            ("authors", .array(record.authors.map(JSONValue.string))), ("year", .integer(record.year)),
            ("journal", .string(record.journal)), ("volume", .string(record.volume)), ("issue", .string(record.issue)),
            ("pages", .string(record.pages)), ("doi", .string(record.doi)), ("pmid", .string(record.pmid)),
            ("registry_ids", .array(record.registryIDs.map(JSONValue.string))),
            ("keywords", .array(record.keywords.map(JSONValue.string))), ("search", .integer(Int(record.search))),
            ("source_format", .string(record.sourceFormat)),
            ("duplicate_of", .integer(record.duplicateOf.map { Int($0) })), ("status", .string(record.status.rawValue)),
        ])
    }

    static func csvRow(_ record: StoredRecord) -> [String] {
        let optional: [String?] = [
            record.title, record.abstract, record.authors.joined(separator: "; "), record.year.map(String.init),
            record.journal, record.volume, record.issue, record.pages, record.doi, record.pmid,
            record.registryIDs.joined(separator: "; "), record.keywords.joined(separator: "; "),
        ]
        let tail: [String?] = [
            String(record.search), record.sourceFormat, record.duplicateOf.map(String.init), record.status.rawValue,
        ]
        return ([String(record.id)] + (optional + tail).map { $0 ?? "" }).map(SafeText.csvCell)
    }

    /// The record as RIS that livrev (and reference managers) read back field for field: the PMID as
    /// Cochrane writes it (`C3  - PUBMED n`), registry numbers as accession numbers.
    static func ris(_ record: StoredRecord) -> String {
        var fields: [(String, String)] = [("TI", record.title ?? "")]
        fields += record.authors.map { ("AU", $0) }
        fields += [
            ("PY", record.year.map(String.init) ?? ""), ("T2", record.journal ?? ""), ("VL", record.volume ?? ""),
            ("IS", record.issue ?? ""), ("SP", record.pages ?? ""), ("DO", record.doi ?? ""),
            ("C3", record.pmid.map { "PUBMED " + $0 } ?? ""),
        ]
        fields += record.registryIDs.map { ("AN", $0) }
        fields += record.keywords.map { ("KW", $0) }
        fields += [("AB", record.abstract ?? ""), ("ID", String(record.id))]
        return RISWriter.record(fields)
    }

    /// `records show` as text: one `field: value` line each, abstract last, HTML shown as text.
    static func text(_ record: StoredRecord) -> String {
        // A field per line, its value wrapped under itself to fit 100 columns.
        func line(_ name: String, _ value: String?) -> String {
            let lines = TextTable.wrapped(SafeText.singleLine(value ?? "—"), width: TextTable.terminalWidth - 14)
            return lines.enumerated().map {
                ($0.offset == 0 ? name.padding(toLength: 14, withPad: " ", startingAt: 0) : String(repeating: " ", count: 14))
                    + $0.element
            }.joined(separator: "\n") + "\n"
        }
        var text = line("id", String(record.id))
        text += line("title", record.title ?? "(no title)")
        text += line("authors", record.authors.isEmpty ? nil : record.authors.joined(separator: "; "))
        text += line("year", record.year.map(String.init))
        text += line("journal", record.journal)
        text += line("volume", record.volume)
        text += line("issue", record.issue)
        text += line("pages", record.pages)
        text += line("doi", record.doi)
        text += line("pmid", record.pmid)
        text += line("registry_ids", record.registryIDs.isEmpty ? nil : record.registryIDs.joined(separator: " "))
        text += line("keywords", record.keywords.isEmpty ? nil : record.keywords.joined(separator: "; "))
        text += line("search", String(record.search))
        text += line("source_format", record.sourceFormat)
        text += line("duplicate_of", record.duplicateOf.map(String.init))
        text += line("status", record.status.rawValue)
        if let abstract = record.abstract {
            text +=
                "\nabstract\n"
                + TextTable.wrapped(SafeText.singleLine(SafeText.htmlAsText(abstract)), width: TextTable.terminalWidth)
                .joined(separator: "\n") + "\n"
        }
        return text
    }
}
