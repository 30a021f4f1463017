/// Streams ``ImportedRecord``s out of a RIS file (EndNote, Zotero, Ovid, PubMed and Cochrane exports).
///
/// A record runs from `TY  -` to `ER  -`; tag lines are two upper-case letters or digits, two spaces,
/// `-`, a space and the value. Lines outside a record (export headers, notes) are skipped, blank lines
/// are ignored, and an untagged line inside a record continues the previous field (joined with a space).
/// CRLF or LF line ends and a UTF-8 BOM are accepted. Source: the RIS format specification
/// (Research Information Systems, "RIS Format Specifications", 2012) and EndNote's RIS tag list.
package struct RISReader: ImportedRecordReader {
    private let lines: LineReader

    /// Reads RIS text from memory; `file` names it in errors.
    package init(bytes: [UInt8], file: String = "<input>", chunkSize: Int = 64 * 1024) {
        lines = LineReader(bytes: bytes, file: file, chunkSize: chunkSize)
    }

    /// Reads the RIS file at `path`, one chunk at a time.
    package init(path: String) throws(ImportError) {
        lines = try LineReader(path: path)
    }

    /// Reads RIS lines from an opened source.
    package init(lines: LineReader) {
        self.lines = lines
    }

    /// The next record, or nil at the end of the file.
    package func next() throws(ImportError) -> ImportedRecord? {
        var record = RecordFields()
        var inRecord = false
        while try lines.nextLine() {
            let step: Step = try lines.withLine { line throws(ImportError) -> Step in
                let tag = RISReader.tag(of: line)
                if !inRecord {
                    if tag == RISTag.TY {
                        try lines.validateLine()
                        inRecord = true
                        record.start(line: lines.lineNumber)
                    }
                    return .more
                }
                if line.isEmpty { return .more }
                try lines.validateLine()
                switch tag {
                case RISTag.ER:
                    return .done
                case RISTag.TY:
                    throw ImportError.truncated(file: lines.file, line: record.line)
                case nil:
                    if RISReader.isPMIDLine(line) {
                        record.take(tag: RISTag.PMID, value: ByteText.trimmed(UnsafeBufferPointer(rebasing: line[5...])))
                    } else {
                        record.continueField(with: ByteText.trimmed(line))
                    }
                case let tag?:
                    let value =
                        line.count > 6
                        ? UnsafeBufferPointer(rebasing: line[6...]) : UnsafeBufferPointer(rebasing: line[line.count...])
                    record.take(tag: tag, value: ByteText.trimmed(value))
                }
                return .more
            }
            if step == .done { return record.finish() }
        }
        if inRecord { throw ImportError.truncated(file: lines.file, line: record.line) }
        return nil
    }

    /// The buffer size of the underlying line reader (for the streaming test).
    package var bufferCapacity: Int { lines.bufferCapacity }

    private enum Step { case more, done }

    /// The two-character tag of a `XX  - value` line (also `XX  -` with no value), as `b0 << 8 | b1`.
    @inline(__always)
    static func tag(of line: UnsafeBufferPointer<UInt8>) -> UInt16? {
        guard line.count >= 5, line[2] == 0x20, line[3] == 0x20, line[4] == 0x2D,
            ByteText.isUpperAlnum(line[0]), ByteText.isUpperAlnum(line[1]),
            line.count == 5 || line[5] == 0x20
        else { return nil }
        return UInt16(line[0]) << 8 | UInt16(line[1])
    }

    /// True for `PMID- 123` / `PMID: 123` lines some exporters add inside RIS records.
    static func isPMIDLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count >= 5 && line[0] == 0x50 && line[1] == 0x4D && line[2] == 0x49 && line[3] == 0x44
            && (line[4] == 0x2D || line[4] == 0x3A)
    }
}
