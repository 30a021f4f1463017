import Foundation

/// What a registry takes from the world around it, handed in by whoever opens it (the CLI reads
/// them from the environment): the clock that stamps revisions, and how long a write waits for
/// another writer before giving up with `StoreError.busy`.
package struct RegistrySettings: Sendable {
    /// The revision time: UTC, ISO 8601 with milliseconds.
    package var now: @Sendable () -> String
    /// Milliseconds a write waits for another writer's lock.
    package var busyTimeoutMilliseconds: Int32

    package init(now: @escaping @Sendable () -> String, busyTimeoutMilliseconds: Int32) {
        self.now = now
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    /// The system clock, and 10 minutes: longer than the longest write (a 200,000-record import);
    /// after a second a waiting command says on stderr that it is waiting.
    package static let standard = RegistrySettings(now: systemTime, busyTimeoutMilliseconds: 600_000)

    /// The current UTC time as ISO 8601 with milliseconds.
    ///
    /// Formatted by hand from the C clock: Foundation's ISO8601DateFormatter loads ICU's calendars, which
    /// took a fifth of a small command's time.
    package static func systemTime() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var utc = tm()
        gmtime_r(&seconds, &utc)
        func padded(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let millis = Int32(now.tv_nsec / 1_000_000)
        return "\(padded(utc.tm_year + 1900, 4))-\(padded(utc.tm_mon + 1, 2))-\(padded(utc.tm_mday, 2))"
            + "T\(padded(utc.tm_hour, 2)):\(padded(utc.tm_min, 2)):\(padded(utc.tm_sec, 2)).\(padded(millis, 3))Z"
    }
}
