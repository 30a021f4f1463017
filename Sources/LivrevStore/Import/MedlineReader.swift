/// Streams ``ImportedRecord``s out of a PubMed MEDLINE-format file (`.nbib`, `.txt` from PubMed "Save").
///
/// Each line is a tag left-justified in four columns, `-`, a space and the value (`PMID- 1`,
/// `TI  - …`, `FAU - Smith, John`); a line starting with spaces (six in PubMed output) continues the
/// previous value. Records are separated by blank lines; a `PMID-` line also starts a new record when
/// the current one already has its PMID (files concatenated without blank lines). PubMed Central's
/// MEDLARS layout, whose records start with `PMC - ` before the PMID, reads the same way. Fields
/// kept: see ``MedlineFields``. CRLF line ends and a UTF-8 BOM are accepted.
/// Source: NLM, "MEDLINE/PubMed Data Element (Field) Descriptions".
package final class MedlineReader: ImportedRecordReader {
    private let lines: LineReader
    @exclusivity(unchecked) private var fields = MedlineFields()  // one thread; see LineReader
    /// True when the current line (a `PMID-` line) already started the next record.
    @exclusivity(unchecked) private var pendingStart = false

    /// Reads MEDLINE text from memory; `file` names it in errors.
    package init(bytes: [UInt8], file: String = "<input>", chunkSize: Int = 64 * 1024) {
        lines = LineReader(bytes: bytes, file: file, chunkSize: chunkSize)
    }

    /// Reads the MEDLINE file at `path`, one chunk at a time.
    package init(path: String) throws(ImportError) {
        lines = try LineReader(path: path)
    }

    /// Reads MEDLINE lines from an opened source.
    package init(lines: LineReader) {
        self.lines = lines
    }

    /// The buffer size of the underlying line reader (for the streaming test).
    package var bufferCapacity: Int { lines.bufferCapacity }

    /// The next record, or nil at the end of the file.
    package func next() throws(ImportError) -> ImportedRecord? {
        var inRecord = false
        if pendingStart {
            pendingStart = false
            inRecord = true
            try startRecord()
        }
        while try lines.nextLine() {
            try lines.validateLine()
            let isBlank = try lines.withLine { line throws(ImportError) in ByteText.trimmed(line).isEmpty }
            if isBlank {
                if inRecord { return fields.finish() }
                continue
            }
            let tag = try lines.withLine { line throws(ImportError) in MedlineTag.parse(line) }
            if !inRecord {
                guard case .tag = tag else {
                    throw malformed(tag)
                }
                inRecord = true
                try startRecord()
                continue
            }
            switch tag {
            case .tag(let name, _) where name == MedlineTag.PMID && fields.hasPMID:
                pendingStart = true
                return fields.finish()
            case .tag, .continuation:
                try lines.withLine { line throws(ImportError) in fields.take(tag, line: line) }
            case .malformed:
                throw malformed(tag)
            }
        }
        return inRecord ? fields.finish() : nil
    }

    private func startRecord() throws(ImportError) {
        fields.start(line: lines.lineNumber)
        let tag = try lines.withLine { line throws(ImportError) in MedlineTag.parse(line) }
        try lines.withLine { line throws(ImportError) in fields.take(tag, line: line) }
    }

    private func malformed(_ tag: MedlineTag) -> ImportError {
        if case .malformed(let offset) = tag {
            return .malformedLine(
                file: lines.file, line: lines.lineNumber, column: lines.column(ofOffset: offset),
                reason: "expected a MEDLINE tag line 'TAG - value' (tag up to 4 letters, '- ' in columns 5-6)")
        }
        return .malformedLine(
            file: lines.file, line: lines.lineNumber, column: 1,
            reason: "continuation line outside a record (records start with 'PMID- ')")
    }
}

/// How one MEDLINE line reads: a tag line, a continuation, or neither.
enum MedlineTag {
    /// A tag (packed upper-case bytes) and the offset where its value starts.
    case tag(UInt32, valueStart: Int)
    /// A line starting with a space or tab: more of the previous value.
    case continuation
    /// Not a MEDLINE line; the offset of the first byte that does not fit.
    case malformed(offset: Int)

    static func code(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 {
            value = value << 8 | (index < text.utf8CodeUnitCount ? UInt32(text.utf8Start[index]) : 0x20)
        }
        return value
    }
    static let PMID = code("PMID"), TI = code("TI"), AB = code("AB"), FAU = code("FAU"), AU = code("AU")
    static let DP = code("DP"), LID = code("LID"), AID = code("AID"), TA = code("TA"), JT = code("JT")
    static let BTI = code("BTI"), VI = code("VI"), IP = code("IP"), PG = code("PG"), MH = code("MH")
    static let OT = code("OT"), SI = code("SI")

    /// Reads a non-blank line: `TAG` (1–4 upper-case letters or digits, space padded to four), `-`,
    /// then a space or the end of the line.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> MedlineTag {
        if line[0] == 0x20 || line[0] == 0x09 { return .continuation }
        var code: UInt32 = 0
        var index = 0
        while index < 4 && index < line.count && ByteText.isUpperAlnum(line[index]) {
            code = code << 8 | UInt32(line[index])
            index += 1
        }
        for _ in index..<4 {
            guard index < line.count, line[index] == 0x20 else { return .malformed(offset: index) }
            code = code << 8 | 0x20
            index += 1
        }
        guard index < line.count, line[4] == 0x2D else { return .malformed(offset: 4) }
        guard line.count == 5 || line[5] == 0x20 else { return .malformed(offset: 5) }
        return .tag(code, valueStart: Swift.min(6, line.count))
    }
}
