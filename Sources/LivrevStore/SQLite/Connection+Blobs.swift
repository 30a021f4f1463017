import CSQLite

#if canImport(Glibc)
    import Glibc
#endif

extension Connection {
    /// The blob in column `column` of the row whose rowid is `row` in `table`, as an array of `T`
    /// (the bytes in memory order), or nil when its length is not a whole number of `T`s.
    ///
    /// It reads through SQLite's incremental blob I/O straight into the array, without a copy of
    /// the whole value in between. For tens of megabytes (the feature cache) call it inside
    /// `withMemoryMappedReads`, so that the pages are copied from the file's mapping instead of
    /// being read into the page cache first.
    ///
    /// - Throws: `SQLiteError` when there is no such row or the value is not a blob or text.
    ///
    /// Source: https://www.sqlite.org/c3ref/blob_open.html, https://www.sqlite.org/c3ref/blob_read.html
    package func blobArray<T: BitwiseCopyable>(
        of type: T.Type, table: String, column: String, row: Int64
    ) throws -> [T]? {
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(handle, "main", table, column, row, 0, &blob)
        defer { sqlite3_blob_close(blob) }
        guard opened == SQLITE_OK, let blob else { throw error(code: opened, sql: nil) }
        let bytes = Int(sqlite3_blob_bytes(blob))
        let stride = MemoryLayout<T>.stride
        guard bytes % stride == 0 else { return nil }
        var code = SQLITE_OK
        let array = [T](unsafeUninitializedCapacity: bytes / stride) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            Self.adviseHugePages(raw)
            if bytes > 0 { code = sqlite3_blob_read(blob, raw.baseAddress, Int32(bytes), 0) }
            initialized = code == SQLITE_OK ? bytes / stride : 0
        }
        guard code == SQLITE_OK else { throw error(code: code, sql: nil) }
        return array
    }

    /// Runs `body` in one read transaction with SQLite reading the file through a memory map
    /// (`PRAGMA mmap_size`), then back to ordinary reads. For reading large values once: each page
    /// is copied from the mapping, not read into the page cache (32 MiB here) and copied again.
    ///
    /// Source: https://www.sqlite.org/mmap.html
    package func withMemoryMappedReads(_ body: () throws -> Void) throws {
        try execute("PRAGMA mmap_size = 1073741824")
        defer { try? execute("PRAGMA mmap_size = 0") }
        try inTransaction {
            try body()
            return .commit
        }
    }

    /// Asks Linux to back `buffer`'s whole 2 MiB pages with huge pages, so that filling tens of
    /// megabytes takes one page fault per 2 MiB instead of per 4 KiB (a fault costs microseconds:
    /// without this, a ranked `screen next` reading 42 MB of cached rows took 72 ms instead of 51).
    /// Elsewhere, nothing.
    private static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            let huge = 1 << 21
            guard buffer.count >= 2 * huge, let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}

extension Array where Element: BitwiseCopyable {
    /// The elements' bytes in memory order, to store as a blob that `Connection.blobArray` reads back.
    package var blobValue: SQLValue {
        .blob(withUnsafeBytes { [UInt8]($0) })
    }
}
