import Dispatch
import LivrevStore
import Synchronization

/// The server's connections to the registry file: one write connection behind a serial queue
/// (the in-process write queue: writes from every request run one after another, never
/// contending for SQLite's lock among themselves), and a few read connections, each used by one
/// request at a time. The file stays in WAL mode, so readers never wait for the writer and the
/// CLI may write the same file meanwhile (it waits for the lock like any other writer).
///
/// `Registry` is not thread-safe; each one here is only ever touched on its own serial queue.
final class RegistryConnections: Sendable {
    private let writer: Connected
    private let readers: [Connected]
    /// The background refresh's own connection, so that a slow rebuild never queues a request.
    private let refresher: Connected
    private let nextReader = Atomic<Int>(0)

    let path: String

    init(path: String, readers count: Int = 4) throws {
        self.path = path
        writer = Connected(try Registry.open(path: path), label: "livrev.write")
        readers = try (0..<count).map { Connected(try Registry.open(path: path), label: "livrev.read.\($0)") }
        refresher = Connected(try Registry.open(path: path), label: "livrev.refresh")
    }

    /// Runs `body` on the write connection, after every write queued before it.
    func write<T: Sendable>(_ body: @escaping @Sendable (Registry) throws -> T) async throws -> T {
        try await writer.run(body)
    }

    /// Runs `body` on one of the read connections.
    func read<T: Sendable>(_ body: @escaping @Sendable (Registry) throws -> T) async throws -> T {
        let index = nextReader.add(1, ordering: .relaxed).oldValue
        return try await readers[index % readers.count].run(body)
    }

    /// Runs `body` on the refresh's own connection, blocking the calling thread (the background
    /// refresh, which runs on its own thread, and start-up).
    func readNow<T>(_ body: (Registry) throws -> T) throws -> T {
        try refresher.runNow(body)
    }

    /// Waits for every queued write to finish (a clean stop loses nothing acknowledged or queued).
    func drain() {
        writer.queue.sync {}
    }
}

/// One registry connection and the serial queue that owns it.
private final class Connected: @unchecked Sendable {
    let queue: DispatchQueue
    private let registry: Registry

    init(_ registry: Registry, label: String) {
        self.registry = registry
        self.queue = DispatchQueue(label: label)
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (Registry) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.registry) })
            }
        }
    }

    func runNow<T>(_ body: (Registry) throws -> T) throws -> T {
        try queue.sync { try body(registry) }
    }
}
