import Foundation
import Synchronization

/// Signed-in sessions, in memory: a random token (the HttpOnly cookie) → who, their CSRF token,
/// and when the session lapses. A restart signs everyone out, which loses no work: every decision
/// is in the registry as soon as it is acknowledged.
final class Sessions: Sendable {
    struct Session: Sendable {
        let name: String
        let csrf: String
        var lapses: ContinuousClock.Instant
    }

    /// The cookie that carries the session token.
    static let cookieName = "livrev_session"

    private let sessions = Mutex<[String: Session]>([:])
    /// How long a session lasts without a request.
    let idle: Duration

    init(idle: Duration) {
        self.idle = idle
    }

    /// Opens a session for `name`: its token and its CSRF token.
    func open(name: String) -> (token: String, session: Session) {
        let token = Sessions.randomToken()
        let session = Session(name: name, csrf: Sessions.randomToken(), lapses: .now + idle)
        sessions.withLock { $0[token] = session }
        return (token, session)
    }

    /// The live session with this token, its lapse pushed back; nil when unknown or lapsed.
    func session(_ token: String?) -> Session? {
        guard let token else { return nil }
        let now = ContinuousClock.now
        return sessions.withLock { sessions in
            guard var session = sessions[token] else { return nil }
            guard session.lapses > now else {
                sessions[token] = nil
                return nil
            }
            session.lapses = now + idle
            sessions[token] = session
            return session
        }
    }

    func close(_ token: String?) {
        guard let token else { return }
        _ = sessions.withLock { $0.removeValue(forKey: token) }
    }

    /// 32 bytes from the system's cryptographic generator, as hex.
    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
