import Foundation

/// The one way livrev writes a file (`--out`, `--forest`, `--funnel`, `export`, …): never over a
/// database, and all or nothing.
///
/// A path that is the registry, its `-wal`, `-shm` or `-journal` file, or any SQLite database is
/// refused before anything is written (exit 73): one mistyped `--out review.livrev` must not
/// destroy a review. The bytes go to a temporary file in the target's folder, are synced, and
/// are renamed over the target, so a full disk or a killed process leaves the old file or no
/// file, never a truncated one.
///
/// For example:
///
///     try OutputFile.write(Array(svg.utf8), to: "forest.svg")
///
/// Source: rename(2) is atomic within a file system (POSIX.1-2017); https://www.sqlite.org/fileformat.html
/// §1.3 (the database header string), https://www.sqlite.org/walformat.html (WAL magic).
enum OutputFile {
    /// Writes `bytes` to `path`, replacing what was there only once every byte is on disk.
    ///
    /// - Throws: `CommandError.refusedOutput` (exit 73) for a database path; `CommandError.cannotWrite`
    ///   (exit 74) when the file cannot be written, with the old file left as it was.
    static func write(_ bytes: [UInt8], to path: String) throws {
        if let reason = refusal(for: path) { throw CommandError.refusedOutput(path: path, reason: reason) }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            // A device or pipe (`--out /dev/stdout`): nothing to replace, write straight to it.
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { throw failure(path, errno) }
            defer { close(descriptor) }
            return try writeAll(bytes, to: descriptor, path: path)
        }
        // Through a symbolic link, replace the file it names, not the link.
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".livrev-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw failure(path, errno) }
        let temporary = String(cString: template)
        do {
            try writeAll(bytes, to: descriptor, path: path)
            guard fchmod(descriptor, mode(replacing: path)) == 0, fsync(descriptor) == 0 else { throw failure(path, errno) }
            guard close(descriptor) == 0 else {
                unlink(temporary)
                throw failure(path, errno)
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(path, code)
        }
    }

    /// Why `path` must not be written, or nil when it may.
    static func refusal(for path: String) -> String? {
        if let registry = Output.registryPath {
            for suffix in ["", "-wal", "-shm", "-journal"] where sameFile(path, registry + suffix) {
                return suffix.isEmpty ? "it is the registry" : "it is the registry's \(suffix.dropFirst()) file"
            }
        }
        if isSQLiteFile(path) { return "it is an SQLite database" }
        for suffix in ["-wal", "-shm", "-journal"] where path.hasSuffix(suffix) {
            if isSQLiteFile(String(path.dropLast(suffix.count))) {
                return "it is the \(suffix.dropFirst()) file of an SQLite database"
            }
        }
        return nil
    }

    /// Whether the file at `path` starts like an SQLite database or write-ahead log.
    private static func isSQLiteFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
        if head == Array("SQLite format 3\0".utf8) { return true }
        // WAL header: magic 0x377f0682 or 0x377f0683, big-endian.
        return head.count >= 4 && head[0] == 0x37 && head[1] == 0x7F && head[2] == 0x06 && (head[3] & 0xFE) == 0x82
    }

    /// Whether two paths name the same file (the same device and inode), through any link.
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// The permissions of the file being replaced, or those a new file gets under the umask.
    private static func mode(replacing path: String) -> mode_t {
        var existing = stat()
        if stat(path, &existing) == 0 { return existing.st_mode & 0o7777 }
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw failure(path, errno) }
                offset += written
            }
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> CommandError {
        .cannotWrite(path: path, reason: String(cString: strerror(code)))
    }
}
