import Dispatch
import LivrevStore
import Synchronization

/// The server's connections to the registry file: one write connection (the in-process write
/// queue: writes from every request run one after another, never contending for SQLite's lock
/// among themselves), and a few read connections. The file stays in WAL mode, so readers never
/// wait for the writer and the CLI may write the same file meanwhile (it waits for the lock like
/// any other writer).
///
/// Checkpoints stay off the write path: the write connection never runs one; the background
/// refresh calls `checkpoint()`.
///
/// Group commit: the writes that queue up while one transaction runs go into the next one
/// together, each still a revision of its own (a savepoint: a refused write undoes itself only),
/// and each is acknowledged once that transaction has committed. Under load that is one commit,
/// and one pass of its pages into the WAL, for many decisions.
///
/// `Registry` is not thread-safe; each one here is only ever touched on its own serial queue.
final class RegistryConnections: Sendable {
    private let writer: Writer
    private let readers: [Connected]
    /// The background refresh's own connection, so that a slow rebuild never queues a request.
    private let refresher: Connected

    let path: String

    init(path: String, settings: RegistrySettings = .standard, readers count: Int = 4) throws {
        self.path = path
        let writing = try Registry.open(path: path, settings: settings)
        try writing.deferCheckpoints()
        writer = Writer(writing)
        readers = try (0..<count).map {
            Connected(try Registry.open(path: path, settings: settings), label: "livrev.read.\($0)")
        }
        refresher = Connected(try Registry.open(path: path, settings: settings), label: "livrev.refresh")
    }

    /// Runs `body` on the write connection, after every write queued before it, and returns once
    /// its transaction has committed. A throw from `body` undoes its own writes only.
    func write<T: Sendable>(_ body: @escaping @Sendable (Registry) throws -> T) async throws -> T {
        try await writer.run(body)
    }

    /// Runs `body` on the read connection with the fewest requests under way (a slow read, such
    /// as a report, holds up as few others as possible).
    func read<T: Sendable>(_ body: @escaping @Sendable (Registry) throws -> T) async throws -> T {
        let reader = readers.min { $0.busy.load(ordering: .relaxed) < $1.busy.load(ordering: .relaxed) } ?? readers[0]
        return try await reader.run(body)
    }

    /// Runs `body` on the refresh's own connection, blocking the calling thread (the background
    /// refresh, which runs on its own thread, and start-up).
    func readNow<T>(_ body: (Registry) throws -> T) throws -> T {
        try refresher.runNow(body)
    }

    /// Checkpoints the WAL on the refresh's connection: the write connection leaves that to this
    /// (called by the background refresh), so that no decision waits for a checkpoint's fsyncs.
    func checkpoint() throws {
        try refresher.runNow { try $0.checkpoint() }
    }

    /// Waits for every queued write to finish (a clean stop loses nothing acknowledged or queued).
    func drain() {
        writer.queue.sync {}
    }
}

/// One registry connection and the serial queue that owns it.
private final class Connected: @unchecked Sendable {
    let queue: DispatchQueue
    /// Bodies queued or running here.
    let busy = Atomic<Int>(0)
    private let registry: Registry

    init(_ registry: Registry, label: String) {
        self.registry = registry
        self.queue = DispatchQueue(label: label)
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (Registry) throws -> T) async throws -> T {
        busy.add(1, ordering: .relaxed)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                let result = Result { try body(self.registry) }
                self.busy.subtract(1, ordering: .relaxed)
                continuation.resume(with: result)
            }
        }
    }

    func runNow<T>(_ body: (Registry) throws -> T) throws -> T {
        try queue.sync { try body(registry) }
    }
}

/// The write connection: queued writes, committed in groups.
private final class Writer: @unchecked Sendable {
    /// One queued write.
    private struct Job: Sendable {
        /// Runs the write inside the group's transaction and gives back how to answer its request
        /// once the group has committed (nil) or failed to (the error).
        let perform: @Sendable (Registry) -> @Sendable ((any Error)?) -> Void
        /// Answers the request with an error, the write not having run.
        let fail: @Sendable (any Error) -> Void
    }

    let queue = DispatchQueue(label: "livrev.write")
    private let registry: Registry
    private let pending = Mutex<[Job]>([])

    init(_ registry: Registry) {
        self.registry = registry
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (Registry) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                perform: { registry in
                    let result = Result { try body(registry) }
                    return { failure in continuation.resume(with: failure.map { .failure($0) } ?? result) }
                },
                fail: { continuation.resume(throwing: $0) })
            // The first write to queue up schedules a commit; those queued before it runs join it.
            let first = pending.withLock { jobs in
                jobs.append(job)
                return jobs.count == 1
            }
            if first { queue.async { self.commitQueued() } }
        }
    }

    private func commitQueued() {
        let jobs = pending.withLock { jobs in
            defer { jobs = [] }
            return jobs
        }
        var answers: [@Sendable ((any Error)?) -> Void] = []
        do {
            try registry.writeTogether {
                answers = jobs.map { $0.perform(registry) }
            }
        } catch {
            // Nothing of the group lasted (the lock was not had, or the commit failed): every
            // write in it fails, the ones that ran too.
            for answer in answers { answer(error) }
            for job in jobs.dropFirst(answers.count) { job.fail(error) }
            return
        }
        for answer in answers { answer(nil) }
    }
}
