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
    // State is `@exclusivity(unchecked)`: a reader is used by one thread and never lends its
    // properties `inout`, and the runtime access checks otherwise cost half the parse time.
    /// Holds the data read but not yet consumed (manually allocated, `capacity` bytes).
    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// The current line's bytes, without its line ending.
    @exclusivity(unchecked) package private(set) var lineStart = 0
    @exclusivity(unchecked) package private(set) var lineEnd = 0
    /// The 1-based number of the current line (0 before the first).
    @exclusivity(unchecked) package private(set) var lineNumber = 0
    /// True once the input is used up and the last line has been returned.
    @exclusivity(unchecked) package private(set) var atEnd = false

    @exclusivity(unchecked) private var dataStart = 0
    @exclusivity(unchecked) private var dataEnd = 0
    @exclusivity(unchecked) private var sourceDone = false
    /// A read error met while looking for the BOM, thrown by the first ``nextLine()``.
    @exclusivity(unchecked) private var openingError: ImportError?
    private let chunkSize: Int
    @exclusivity(unchecked) private var memory: [UInt8]
    @exclusivity(unchecked) private var memoryOffset = 0
    @exclusivity(unchecked) private var stream: UnsafeMutablePointer<FILE>?

    /// Reads bytes held in memory; `chunkSize` lets tests cut the input at awkward places.
    package init(bytes: [UInt8], file: String = "<input>", chunkSize: Int = 64 * 1024) {
        self.file = file
        self.memory = bytes
        self.stream = nil
        self.chunkSize = max(chunkSize, 1)
        self.capacity = max(chunkSize, 4)
        self.buffer = .allocate(capacity: capacity)
        skipBOM()
    }

    /// Reads the file at `path`, 64 KiB at a time.
    package init(path: String, chunkSize: Int = 64 * 1024) throws(ImportError) {
        self.file = path
        self.memory = []
        self.chunkSize = max(chunkSize, 1)
        self.capacity = max(chunkSize, 4)
        guard let handle = fopen(path, "rb") else {
            throw ImportError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        self.buffer = .allocate(capacity: capacity)
        self.stream = handle
        skipBOM()
    }

    deinit {
        if let stream { fclose(stream) }
        buffer.deallocate()
    }

    /// The buffer's size in bytes: one chunk, unless a line was longer than a chunk.
    package var bufferCapacity: Int { capacity }

    /// Moves to the next line; returns false at the end of the input.
    package func nextLine() throws(ImportError) -> Bool {
        if let error = openingError {
            openingError = nil
            throw error
        }
        var searchFrom = dataStart
        while true {
            if searchFrom < dataEnd, let hit = memchr(buffer + searchFrom, 0x0A, dataEnd - searchFrom) {
                let newline = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - UnsafePointer(buffer)
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
        let problem = firstInvalidText(UnsafeBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart))
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
        try body(UnsafeBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart))
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
            if pending > 0 { memmove(buffer, buffer + dataStart, pending) }
            dataStart = 0
            dataEnd = pending
        }
        if capacity - dataEnd < chunkSize / 2 || dataEnd == capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + chunkSize)
            larger.update(from: buffer, count: dataEnd)
            buffer.deallocate()
            buffer = larger
            capacity += chunkSize
        }
        let count = try read(into: dataEnd, max: capacity - dataEnd)
        if count == 0 { sourceDone = true }
        dataEnd += count
        return pending
    }

    private func read(into offset: Int, max: Int) throws(ImportError) -> Int {
        if let stream {
            let count = fread(buffer + offset, 1, max, stream)
            if count == 0 && ferror(stream) != 0 {
                throw ImportError.unreadable(file: file, reason: String(cString: strerror(errno)))
            }
            return count
        }
        let count = Swift.min(max, memory.count - memoryOffset)
        if count > 0 {
            memory.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                (buffer + offset).update(from: base + memoryOffset, count: count)
            }
            memoryOffset += count
        }
        return count
    }

    private func skipBOM() {
        // Read the start of the file now (at least three bytes) so a BOM can be dropped.
        while dataEnd < 3 {
            do {
                let count = try read(into: dataEnd, max: capacity - dataEnd)
                if count == 0 { sourceDone = true; break }
                dataEnd += count
            } catch {
                openingError = error
                sourceDone = true
                break
            }
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
    guard let base = bytes.baseAddress else { return nil }
    while index < count {
        // Eight bytes at a time while they are ASCII and not NUL.
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let high: UInt64 = 0x8080_8080_8080_8080
            let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & high
            if (word & high) | hasZero != 0 { break }
            index += 8
        }
        guard index < count else { break }
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
