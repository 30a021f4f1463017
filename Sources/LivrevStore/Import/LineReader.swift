#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a byte stream line by line in fixed-size chunks, so memory does not grow with the file.
///
/// Lines end at LF; a CR before the LF is dropped (CRLF files), and a UTF-8 byte order mark at the
/// start of the file is skipped. The current line is `buffer[lineStart..<lineEnd]`, valid until the
/// next call to ``nextLine()``. The buffer holds one chunk plus the unfinished line, and grows only
/// when a single line is longer than a chunk. Source: RFC 4180 §2 and the RIS / MEDLINE formats all
/// end lines with CRLF or LF.
package final class LineReader {
    /// The file name used in error messages (the path as given, or a label for in-memory input).
    package let file: String
    /// Holds the data read but not yet consumed.
    package private(set) var buffer: [UInt8]
    /// The current line's bytes, without its line ending.
    package private(set) var lineStart = 0
    package private(set) var lineEnd = 0
    /// The 1-based number of the current line (0 before the first).
    package private(set) var lineNumber = 0
    /// True once the input is used up and the last line has been returned.
    package private(set) var atEnd = false

    private var dataStart = 0
    private var dataEnd = 0
    private var sourceDone = false
    private let chunkSize: Int
    private var memory: [UInt8]
    private var memoryOffset = 0
    private var stream: UnsafeMutablePointer<FILE>?

    /// Reads bytes held in memory; `chunkSize` lets tests cut the input at awkward places.
    package init(bytes: [UInt8], file: String = "<input>", chunkSize: Int = 64 * 1024) {
        self.file = file
        self.memory = bytes
        self.stream = nil
        self.chunkSize = max(chunkSize, 1)
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
        skipBOM()
    }

    /// Reads the file at `path`, 64 KiB at a time.
    package init(path: String, chunkSize: Int = 64 * 1024) throws(ImportError) {
        self.file = path
        self.memory = []
        self.chunkSize = max(chunkSize, 1)
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
        guard let handle = fopen(path, "rb") else {
            throw ImportError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        self.stream = handle
        skipBOM()
    }

    deinit {
        if let stream { fclose(stream) }
    }

    /// The buffer's size in bytes: one chunk, unless a line was longer than a chunk.
    package var bufferCapacity: Int { buffer.count }

    /// Moves to the next line; returns false at the end of the input.
    package func nextLine() throws(ImportError) -> Bool {
        var searchFrom = dataStart
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                guard searchFrom < dataEnd, let base = bytes.baseAddress,
                      let hit = memchr(base + searchFrom, 0x0A, dataEnd - searchFrom) else { return nil }
                return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            }
            if let newline = found {
                setLine(start: dataStart, end: newline)
                dataStart = newline + 1
                return true
            }
            if sourceDone {
                if dataStart < dataEnd {
                    setLine(start: dataStart, end: dataEnd)
                    dataStart = dataEnd
                    return true
                }
                atEnd = true
                lineStart = dataEnd
                lineEnd = dataEnd
                return false
            }
            searchFrom = try refill()
        }
    }

    /// Checks that the current line is text: valid UTF-8 without NUL bytes.
    package func validateLine() throws(ImportError) {
        let problem: (Int, String)? = buffer.withUnsafeBufferPointer { bytes in
            firstInvalidText(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
        }
        if let (offset, reason) = problem {
            throw ImportError.invalidText(file: file, line: lineNumber, column: column(ofOffset: offset), reason: reason)
        }
    }

    /// The 1-based character column of a byte offset within the current line.
    package func column(ofOffset offset: Int) -> Int {
        var column = 1
        var index = lineStart
        while index < lineStart + offset && index < lineEnd {
            if buffer[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    /// Runs `body` on the current line's bytes.
    @inline(__always)
    package func withLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(ImportError) -> R) throws(ImportError) -> R {
        let (start, end) = (lineStart, lineEnd)
        return try buffer.withUnsafeBufferPointer { bytes throws(ImportError) -> R in
            try body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    private func setLine(start: Int, end: Int) {
        lineNumber += 1
        lineStart = start
        lineEnd = end > start && buffer[end - 1] == 0x0D ? end - 1 : end
    }

    /// Moves unread bytes to the front, reads one more chunk, and returns where to resume the search.
    private func refill() throws(ImportError) -> Int {
        let pending = dataEnd - dataStart
        if dataStart > 0 {
            if pending > 0 {
                buffer.withUnsafeMutableBufferPointer { bytes in
                    _ = memmove(bytes.baseAddress!, bytes.baseAddress! + dataStart, pending)
                }
            }
            dataStart = 0
            dataEnd = pending
        }
        if buffer.count - dataEnd < chunkSize / 2 || dataEnd == buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        }
        let count = try read(into: dataEnd, max: buffer.count - dataEnd)
        if count == 0 { sourceDone = true }
        dataEnd += count
        return pending
    }

    private func read(into offset: Int, max: Int) throws(ImportError) -> Int {
        if let stream {
            let count = buffer.withUnsafeMutableBufferPointer { bytes in
                fread(bytes.baseAddress! + offset, 1, max, stream)
            }
            if count == 0 && ferror(stream) != 0 {
                throw ImportError.unreadable(file: file, reason: String(cString: strerror(errno)))
            }
            return count
        }
        let count = Swift.min(max, memory.count - memoryOffset)
        if count > 0 {
            buffer.withUnsafeMutableBufferPointer { bytes in
                memory.withUnsafeBufferPointer { source in
                    _ = memcpy(bytes.baseAddress! + offset, source.baseAddress! + memoryOffset, count)
                }
            }
            memoryOffset += count
        }
        return count
    }

    private func skipBOM() {
        // Read the first chunk now so the BOM can be dropped before the first line.
        if let count = try? read(into: 0, max: buffer.count) {
            dataEnd = count
            if count == 0 { sourceDone = true }
        } else {
            sourceDone = true
        }
        if dataEnd >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            dataStart = 3
        }
    }
}

/// Finds the first byte that makes `bytes` not text: a NUL, or a byte that is not valid UTF-8.
///
/// Returns its offset and a lower-case reason, or nil when the bytes are valid UTF-8 text.
package func firstInvalidText(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
    var index = 0
    let count = bytes.count
    while index < count {
        let byte = bytes[index]
        if byte == 0 { return (index, "NUL byte in text (binary file?)") }
        if byte < 0x80 { index += 1; continue }
        let length: Int
        let minimum: UInt32
        switch byte {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return (index, "invalid UTF-8 byte 0x\(hex(byte))")
        }
        guard index + length <= count else { return (index, "invalid UTF-8 byte 0x\(hex(byte))") }
        var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return (index, "invalid UTF-8 byte 0x\(hex(byte))") }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
            return (index, "invalid UTF-8 byte 0x\(hex(byte))")
        }
        index += length
    }
    return nil
}

private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
}
