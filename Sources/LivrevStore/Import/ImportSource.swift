#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An export file opened for import: its encoding found, its start decoded for the format sniffer.
///
/// UTF-8 files (the common case, and every large one) are streamed from disk by the readers. A file
/// with a UTF-16 byte order mark, or one whose bytes are not UTF-8 (EndNote's "ANSI" output), is
/// converted to UTF-8 in memory first; ``encoding`` says which, so the command can warn. A file that
/// is not text at all (NUL bytes, a PDF, a spreadsheet workbook) is refused here.
package final class ImportSource {
    /// The file name used in messages.
    package let file: String
    /// The encoding the file was read in.
    package let encoding: TextEncoding
    /// The start of the file as UTF-8 (up to ``headLimit`` bytes), without a byte order mark.
    package let head: [UInt8]
    /// Characters that could not be decoded and became U+FFFD (UTF-16 with unpaired surrogates).
    package let replacedCharacters: Int
    private let path: String?
    private let decoded: [UInt8]?

    /// How much of the file the sniffer sees.
    static let headLimit = 64 * 1024
    /// How much of a file without a byte order mark is checked for UTF-8 before it is streamed.
    static let validationLimit = 16 * 1024 * 1024

    /// Opens the file at `path`.
    ///
    /// - Throws: ``ImportError/unreadable(file:reason:)``, ``ImportError/notText(file:what:)``.
    package convenience init(path: String) throws(ImportError) {
        guard let handle = fopen(path, "rb") else {
            throw ImportError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(handle) }
        var prefix = [UInt8](repeating: 0, count: Self.validationLimit)
        let count = prefix.withUnsafeMutableBytes { fread($0.baseAddress, 1, Self.validationLimit, handle) }
        if count == 0 && ferror(handle) != 0 {
            throw ImportError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        prefix.removeLast(prefix.count - count)
        let complete = count < Self.validationLimit
        let whole: () throws(ImportError) -> [UInt8] = { () throws(ImportError) -> [UInt8] in
            if complete { return prefix }
            var all = prefix
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 20, handle) }
                if read == 0 { break }
                all.append(contentsOf: chunk[..<read])
            }
            return all
        }
        try self.init(file: path, path: path, prefix: prefix, complete: complete, whole: whole)
    }

    /// Reads an export held in memory; `file` names it in messages.
    package convenience init(bytes: [UInt8], file: String = "<input>") throws(ImportError) {
        try self.init(file: file, path: nil, prefix: bytes, complete: true, whole: { () throws(ImportError) in bytes })
    }

    private init(
        file: String, path: String?, prefix: [UInt8], complete: Bool,
        whole: () throws(ImportError) -> [UInt8]
    ) throws(ImportError) {
        self.file = file
        if let (encoding, length) = TextEncoding.byteOrderMark(prefix), encoding != .utf8 {
            let all = try whole()
            let (bytes, replaced) = encoding.utf8(from: all[length...])
            self.encoding = encoding
            self.decoded = bytes
            self.path = nil
            self.replacedCharacters = replaced
            self.head = Array(bytes.prefix(Self.headLimit))
            try Self.refuseNonText(head, file: file)
            return
        }
        let bomLength = TextEncoding.byteOrderMark(prefix) == nil ? 0 : 3
        try Self.refuseNonText(Array(prefix[bomLength..<min(prefix.count, bomLength + Self.headLimit)]), file: file)
        var checked = prefix[...]
        if !complete {
            // Do not judge a character the cut split: drop a trailing incomplete UTF-8 sequence.
            var back = 0
            while back < 3, back < checked.count, checked[checked.endIndex - 1 - back] & 0xC0 == 0x80 { back += 1 }
            if back < checked.count, checked[checked.endIndex - 1 - back] >= 0xC0 { checked = checked.dropLast(back + 1) }
        }
        let valid = checked.withUnsafeBufferPointer { firstInvalidText($0) == nil }
        if valid {
            self.encoding = .utf8
            self.replacedCharacters = 0
            if let path {
                self.path = path
                self.decoded = nil
            } else {
                self.path = nil
                self.decoded = Array(prefix[bomLength...])
            }
            self.head = Array(prefix[bomLength..<min(prefix.count, bomLength + Self.headLimit)])
        } else {
            let all = try whole()
            let (bytes, _) = TextEncoding.windows1252.utf8(from: all[...])
            self.encoding = .windows1252
            self.decoded = bytes
            self.path = nil
            self.replacedCharacters = 0
            self.head = Array(bytes.prefix(Self.headLimit))
        }
    }

    /// A line reader over the file's text as UTF-8.
    package func lines(chunkSize: Int = 64 * 1024) throws(ImportError) -> LineReader {
        if let decoded { return LineReader(bytes: decoded, file: file, chunkSize: chunkSize) }
        return try LineReader(path: path ?? file, chunkSize: chunkSize)
    }

    /// Throws when the bytes are not text: a NUL byte, a known binary signature, or over 10% control bytes.
    private static func refuseNonText(_ bytes: [UInt8], file: String) throws(ImportError) {
        let signatures: [(prefix: [UInt8], what: String)] = [
            (Array("%PDF".utf8), "a PDF document"),
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive (an .xlsx workbook? save it as CSV)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an Office document (an .xls workbook? save it as CSV)"),
            ([0x1F, 0x8B], "a gzip archive"),
        ]
        for (prefix, what) in signatures where bytes.starts(with: prefix) {
            throw ImportError.notText(file: file, what: what)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw ImportError.notText(file: file, what: "a binary file (NUL byte at offset \(nul))")
        }
        let controls = bytes.lazy.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        if controls > 8 && controls * 10 > bytes.count {
            throw ImportError.notText(file: file, what: "a binary file (\(controls) control bytes)")
        }
    }
}
