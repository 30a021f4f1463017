/// The fields of one RIS record while it is being read, kept as bytes until the record ends.
///
/// Choices follow the RIS specification's tag meanings: title `TI`, else `T1`; abstract `AB`, else
/// `N2`; authors `AU` and `A1` in order; year from `PY`, else `Y1`, else `DA`; DOI from `DO`, else
/// one inside `UR`/`L3`; journal `JF`, else `JO`, else `T2`, else `JA`; PMID from an all-digit `AN`
/// or a `PMID-` line. Registry numbers (`NCT` + 8 digits) are collected from every field.
struct RecordFields {
    /// Where untagged continuation lines go.
    private enum Slot { case none, title, t1, abstract, n2, author, jf, jo, t2, ja }

    private(set) var line = 0
    private var slot = Slot.none
    private var title: [UInt8] = [], t1: [UInt8] = [], abstract: [UInt8] = [], n2: [UInt8] = []
    private var jf: [UInt8] = [], jo: [UInt8] = [], t2: [UInt8] = [], ja: [UInt8] = []
    private var authors: [String] = []
    private var pyYear: Int?, y1Year: Int?, daYear: Int?
    private var doi: String?, urlDOI: String?, accession: String?, pmid: String?
    private var registryNumbers: [String] = []

    /// Clears everything for a record starting at `line`.
    mutating func start(line: Int) {
        self.line = line
        slot = .none
        title.removeAll(keepingCapacity: true)
        t1.removeAll(keepingCapacity: true)
        abstract.removeAll(keepingCapacity: true)
        n2.removeAll(keepingCapacity: true)
        jf.removeAll(keepingCapacity: true)
        jo.removeAll(keepingCapacity: true)
        t2.removeAll(keepingCapacity: true)
        ja.removeAll(keepingCapacity: true)
        authors = []
        pyYear = nil; y1Year = nil; daYear = nil
        doi = nil; urlDOI = nil; accession = nil; pmid = nil
        registryNumbers = []
    }

    /// Records one tag line's (trimmed) value.
    mutating func take(tag: UInt16, value: UnsafeBufferPointer<UInt8>) {
        ByteText.collectRegistryNumbers(in: value, into: &registryNumbers)
        slot = .none
        switch tag {
        case RISTag.TI: if title.isEmpty { title.append(contentsOf: value); slot = .title }
        case RISTag.T1: if t1.isEmpty { t1.append(contentsOf: value); slot = .t1 }
        case RISTag.AB: Self.join(value, to: &abstract); slot = .abstract
        case RISTag.N2: Self.join(value, to: &n2); slot = .n2
        case RISTag.AU, RISTag.A1:
            if !value.isEmpty { authors.append(ByteText.string(value)); slot = .author }
        case RISTag.PY: if pyYear == nil { pyYear = ByteText.year(in: value) }
        case RISTag.Y1: if y1Year == nil { y1Year = ByteText.year(in: value) }
        case RISTag.DA: if daYear == nil { daYear = ByteText.year(in: value) }
        case RISTag.DO: if doi == nil && !value.isEmpty { doi = ByteText.string(value) }
        case RISTag.UR, RISTag.L3: if urlDOI == nil { urlDOI = ByteText.embeddedDOI(in: value) }
        case RISTag.JF: if jf.isEmpty { jf.append(contentsOf: value); slot = .jf }
        case RISTag.JO: if jo.isEmpty { jo.append(contentsOf: value); slot = .jo }
        case RISTag.T2: if t2.isEmpty { t2.append(contentsOf: value); slot = .t2 }
        case RISTag.JA: if ja.isEmpty { ja.append(contentsOf: value); slot = .ja }
        case RISTag.AN: if accession == nil && ByteText.allDigits(value) { accession = ByteText.string(value) }
        case RISTag.PMID: if pmid == nil && ByteText.allDigits(value) { pmid = ByteText.string(value) }
        default: break
        }
    }

    /// Appends an untagged line to the field the previous tag line started.
    mutating func continueField(with text: UnsafeBufferPointer<UInt8>) {
        ByteText.collectRegistryNumbers(in: text, into: &registryNumbers)
        guard !text.isEmpty else { return }
        switch slot {
        case .none: break
        case .title: Self.join(text, to: &title)
        case .t1: Self.join(text, to: &t1)
        case .abstract: Self.join(text, to: &abstract)
        case .n2: Self.join(text, to: &n2)
        case .jf: Self.join(text, to: &jf)
        case .jo: Self.join(text, to: &jo)
        case .t2: Self.join(text, to: &t2)
        case .ja: Self.join(text, to: &ja)
        case .author: authors[authors.count - 1] += " " + ByteText.string(text)
        }
    }

    /// The finished record; throws when it has no title.
    func finish(file: String) throws(ImportError) -> ImportedRecord {
        guard let title = ByteText.string(title.isEmpty ? t1 : title) else {
            throw ImportError.missingField(file: file, line: line, field: "TI")
        }
        let journal = [jf, jo, t2, ja].first(where: { !$0.isEmpty }).flatMap(ByteText.string)
        return ImportedRecord(
            title: title,
            abstract: ByteText.string(abstract.isEmpty ? n2 : abstract),
            authors: authors,
            year: pyYear ?? y1Year ?? daYear,
            journal: journal,
            doi: doi ?? urlDOI,
            pmid: accession ?? pmid,
            registryNumbers: registryNumbers,
            line: line)
    }

    private static func join(_ text: UnsafeBufferPointer<UInt8>, to field: inout [UInt8]) {
        guard !text.isEmpty else { return }
        if !field.isEmpty { field.append(0x20) }
        field.append(contentsOf: text)
    }
}
