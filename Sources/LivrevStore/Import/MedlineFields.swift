/// The fields of one MEDLINE record while it is being read.
///
/// Choices follow NLM's "MEDLINE/PubMed Data Element (Field) Descriptions": TI (else BTI, a book
/// title), AB, FAU (full author name) over AU, DP (year from its first four digits), JT (journal
/// title) over TA (title abbreviation), VI volume, IP issue, PG pagination, LID over AID (only values
/// ending in ` [doi]`, suffix removed), MH and OT as keywords, and registry numbers from SI
/// (secondary source identifiers such as `ClinicalTrials.gov/NCT00000419`) only.
struct MedlineFields {
    private enum Slot { case none, title, abstract, fullAuthor, author, jt, ta, pages }

    private(set) var line = 0
    private(set) var hasPMID = false
    private var slot = Slot.none
    private var title: [UInt8] = [], bookTitle: [UInt8] = [], abstract: [UInt8] = [], jt: [UInt8] = []
    private var ta: [UInt8] = [], pages: [UInt8] = []
    private var fullAuthors: [String] = [], authors: [String] = [], keywords: [String] = []
    private var year: Int?, volume: String?, issue: String?
    private var lidDOI: String?, aidDOI: String?, pmid: String?
    private var registryNumbers: [String] = []

    mutating func start(line: Int) {
        self = MedlineFields()
        self.line = line
    }

    /// Records a tag line or continuation line.
    mutating func take(_ kind: MedlineTag, line: UnsafeBufferPointer<UInt8>) {
        switch kind {
        case .malformed:
            return
        case .continuation:
            let text = ByteText.trimmed(line)
            switch slot {
            case .none: break
            case .title: Self.join(text, to: &title)
            case .abstract: Self.join(text, to: &abstract)
            case .jt: Self.join(text, to: &jt)
            case .ta: Self.join(text, to: &ta)
            case .pages: Self.join(text, to: &pages)
            case .fullAuthor: fullAuthors[fullAuthors.count - 1] += " " + ByteText.string(text)
            case .author: authors[authors.count - 1] += " " + ByteText.string(text)
            }
        case .tag(let tag, let valueStart):
            let value = ByteText.trimmed(UnsafeBufferPointer(rebasing: line[valueStart...]))
            slot = .none
            switch tag {
            case MedlineTag.PMID:
                hasPMID = true
                if pmid == nil && ByteText.allDigits(value) { pmid = ByteText.string(value) }
            case MedlineTag.TI: if title.isEmpty { Self.join(value, to: &title); slot = .title }
            case MedlineTag.BTI: if bookTitle.isEmpty { Self.join(value, to: &bookTitle) }
            case MedlineTag.AB: Self.join(value, to: &abstract); slot = .abstract
            case MedlineTag.FAU: if !value.isEmpty { fullAuthors.append(ByteText.string(value)); slot = .fullAuthor }
            case MedlineTag.AU: if !value.isEmpty { authors.append(ByteText.string(value)); slot = .author }
            case MedlineTag.DP: if year == nil { year = ByteText.year(in: value) }
            case MedlineTag.VI: if volume == nil { volume = ByteText.string(Array(value)) }
            case MedlineTag.IP: if issue == nil { issue = ByteText.string(Array(value)) }
            case MedlineTag.PG: if pages.isEmpty { Self.join(value, to: &pages); slot = .pages }
            case MedlineTag.LID: if lidDOI == nil { lidDOI = Self.doi(value) }
            case MedlineTag.AID: if aidDOI == nil { aidDOI = Self.doi(value) }
            case MedlineTag.JT: if jt.isEmpty { Self.join(value, to: &jt); slot = .jt }
            case MedlineTag.TA: if ta.isEmpty { Self.join(value, to: &ta); slot = .ta }
            case MedlineTag.MH, MedlineTag.OT: if !value.isEmpty { keywords.append(ByteText.string(value)) }
            case MedlineTag.SI: Identifiers.collectRegistryNumbers(in: value, into: &registryNumbers)
            default: break
            }
        }
    }

    /// The finished record (its title is empty when the record has none).
    func finish() -> ImportedRecord {
        ImportedRecord(
            title: ByteText.string(title.isEmpty ? bookTitle : title) ?? "",
            abstract: ByteText.string(abstract),
            authors: fullAuthors.isEmpty ? authors : fullAuthors,
            year: year,
            journal: ByteText.string(jt.isEmpty ? ta : jt),
            volume: volume,
            issue: issue,
            pages: ByteText.string(pages),
            doi: lidDOI ?? aidDOI,
            pmid: pmid,
            registryNumbers: registryNumbers,
            keywords: keywords,
            line: line)
    }

    /// The value before a ` [doi]` suffix, or nil when it is another identifier (`[pii]`, `[pmc]`).
    private static func doi(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        let suffix: [UInt8] = Array(" [doi]".utf8)
        guard value.count > suffix.count,
            value[(value.count - suffix.count)...].elementsEqual(suffix)
        else { return nil }
        let doi = ByteText.trimmed(UnsafeBufferPointer(rebasing: value[..<(value.count - suffix.count)]))
        return doi.isEmpty ? nil : ByteText.string(doi)
    }

    private static func join(_ text: UnsafeBufferPointer<UInt8>, to field: inout [UInt8]) {
        guard !text.isEmpty else { return }
        if !field.isEmpty { field.append(0x20) }
        field.append(contentsOf: text)
    }
}
