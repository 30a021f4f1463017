import CSQLite
import Foundation
import Synchronization

/// How a connection waits for another connection's write lock: as long as `timeout` allows,
/// telling `notice` (once) when the wait passes a second, so a screener behind a big import sees
/// why nothing happens instead of an error.
///
/// Source: https://www.sqlite.org/c3ref/busy_handler.html
final class LockWait: Sendable {
    /// What a command is told when it has waited a second; set once by the command layer.
    package static let notice = Mutex<(@Sendable (String) -> Void)?>(nil)

    let timeoutMilliseconds: Int32
    let path: String
    private let started = Mutex<(start: ContinuousClock.Instant?, noticed: Bool)>((nil, false))

    init(timeoutMilliseconds: Int32, path: String) {
        self.timeoutMilliseconds = timeoutMilliseconds
        self.path = path
    }

    /// SQLite's busy callback: nonzero to try again, zero to give up with SQLITE_BUSY.
    func shouldRetry(attempt: Int32) -> Int32 {
        let now = ContinuousClock.now
        let (start, noticed) = started.withLock { state in
            if attempt == 0 || state.start == nil { state = (now, false) }
            return (state.start ?? now, state.noticed)
        }
        let waited = now - start
        if waited > .milliseconds(Int(timeoutMilliseconds)) { return 0 }
        if !noticed, waited > .seconds(1) {
            started.withLock { $0.noticed = true }
            LockWait.notice.withLock { $0 }?("waiting for another livrev to finish writing '\(path)'…")
        }
        usleep(attempt < 10 ? 2_000 : 10_000)
        return 1
    }
}

extension Connection {
    /// Installs `wait` as this connection's busy handler.
    func install(_ wait: LockWait) {
        sqlite3_busy_handler(
            handle,
            { context, attempt in
                guard let context else { return 0 }
                return Unmanaged<LockWait>.fromOpaque(context).takeUnretainedValue().shouldRetry(attempt: attempt)
            }, Unmanaged.passUnretained(wait).toOpaque())
    }
}
