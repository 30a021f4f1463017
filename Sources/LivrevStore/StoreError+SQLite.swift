extension StoreError {
    /// The one sentence a user sees for an SQLite failure on the registry at `path`, in place of
    /// SQLite's raw message ("database disk image is malformed", "attempt to write a readonly
    /// database", …). An error that is not about the file (a broken query) is returned as it is.
    ///
    /// Source: https://www.sqlite.org/rescode.html
    package static func translating(_ error: any Error, path: String) -> any Error {
        guard let error = error as? SQLiteError else { return error }
        switch error.resultCode {
        case 5, 6: return StoreError.busy(path: path)  // SQLITE_BUSY, SQLITE_LOCKED
        case 8: return StoreError.readOnly(path: path)  // SQLITE_READONLY
        case 10: return StoreError.ioError(path: path, detail: error.message)  // SQLITE_IOERR
        case 11: return StoreError.damaged(path: path, detail: "SQLite finds its pages inconsistent")  // SQLITE_CORRUPT
        case 13: return StoreError.diskFull(path: path)  // SQLITE_FULL
        case 14: return StoreError.ioError(path: path, detail: "cannot open the file or its journal")  // SQLITE_CANTOPEN
        case 26: return StoreError.notARegistry(path: path)  // SQLITE_NOTADB
        default: return error
        }
    }
}
