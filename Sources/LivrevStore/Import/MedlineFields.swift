/// The fields of one MEDLINE record while it is being read.
///
/// Choices follow NLM's element descriptions: FAU (full author name) over AU, LID over AID (only
/// values ending in ` [doi]`, suffix removed), JT (journal title) over TA (title abbreviation), year
/// from the first four digits of DP. Registry numbers come from SI (`ClinicalTrials.gov/NCT…`) and
/// from any other field that mentions one.
struct MedlineFields {
    private enum Slot { case none, title, abstract, fullAuthor, author, jt, ta }

    private(set) var line = 0
    private var slot = Slot.none
    private var title: [UInt8] = [], abstract: [UInt8] = [], jt: [UInt8] = [], ta: [UInt8] = []
    private var fullAuthors: [String] = [], authors: [String] = []
    private var year: Int?
    private var lidDOI: String?, aidDOI: String?, pmid: String?
    private var registryNumbers: [String] = []

    mutating func start(line: Int) {
        self.line = line
        slot = .none
        title.removeAll(keepingCapacity: true)
        abstract.removeAll(keepingCapacity: true)
        jt.removeAll(keepingCapacity: true)
        ta.removeAll(keepingCapacity: true)
        fullAuthors = []; authors = []
        year = nil; lidDOI = nil; aidDOI = nil; pmid = nil
        registryNumbers = []
    }

    /// Records a tag line or continuation line.
    mutating func take(_ kind: MedlineTag, line: UnsafeBufferPointer<UInt8>) {
        switch kind {
        case .malformed:
            return
        case .continuation:
            let text = ByteText.trimmed(line)
            ByteText.collectRegistryNumbers(in: text, into: &registryNumbers)
            switch slot {
            case .none: break
            case .title: Self.join(text, to: &title)
            case .abstract: Self.join(text, to: &abstract)
            case .jt: Self.join(text, to: &jt)
            case .ta: Self.join(text, to: &ta)
            case .fullAuthor: fullAuthors[fullAuthors.count - 1] += " " + ByteText.string(text)
            case .author: authors[authors.count - 1] += " " + ByteText.string(text)
            }
        case .tag(let tag, let valueStart):
            let value = ByteText.trimmed(UnsafeBufferPointer(rebasing: line[valueStart...]))
            ByteText.collectRegistryNumbers(in: value, into: &registryNumbers)
            slot = .none
            switch tag {
            case MedlineTag.PMID: if pmid == nil && ByteText.allDigits(value) { pmid = ByteText.string(value) }
            case MedlineTag.TI: if title.isEmpty { Self.join(value, to: &title); slot = .title }
            case MedlineTag.AB: Self.join(value, to: &abstract); slot = .abstract
            case MedlineTag.FAU: if !value.isEmpty { fullAuthors.append(ByteText.string(value)); slot = .fullAuthor }
            case MedlineTag.AU: if !value.isEmpty { authors.append(ByteText.string(value)); slot = .author }
            case MedlineTag.DP: if year == nil { year = ByteText.year(in: value) }
            case MedlineTag.LID: if lidDOI == nil { lidDOI = Self.doi(value) }
            case MedlineTag.AID: if aidDOI == nil { aidDOI = Self.doi(value) }
            case MedlineTag.JT: if jt.isEmpty { Self.join(value, to: &jt); slot = .jt }
            case MedlineTag.TA: if ta.isEmpty { Self.join(value, to: &ta); slot = .ta }
            default: break
            }
        }
    }

    /// The finished record; throws when it has no title.
    func finish(file: String) throws(ImportError) -> ImportedRecord {
        guard let title = ByteText.string(title) else {
            throw ImportError.missingField(file: file, line: line, field: "TI")
        }
        return ImportedRecord(
            title: title,
            abstract: ByteText.string(abstract),
            authors: fullAuthors.isEmpty ? authors : fullAuthors,
            year: year,
            journal: ByteText.string(jt.isEmpty ? ta : jt),
            doi: lidDOI ?? aidDOI,
            pmid: pmid,
            registryNumbers: registryNumbers,
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
