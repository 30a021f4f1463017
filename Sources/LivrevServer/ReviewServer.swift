import Foundation
import HTTPTypes
import Hummingbird
import LivrevStore
import Logging
import Synchronization

/// What `livrev serve` was asked for.
package struct ServeConfiguration: Sendable {
    package var path: String
    package var host: String
    package var port: Int
    /// How long a session lasts without a request.
    package var sessionIdle: Duration = .seconds(12 * 3600)
    /// How long a record handed out by `next` stays reserved for its reviewer.
    package var reservation: Duration = .seconds(300)
    /// How often the queues look for revisions written by someone else (the CLI).
    package var refreshInterval: Duration = .milliseconds(500)
    /// The clock and lock wait of the registry's connections.
    package var registry: RegistrySettings = .standard

    package init(path: String, host: String, port: Int) {
        self.path = path
        self.host = host
        self.port = port
    }
}

/// `livrev serve`: the registry's only writer while it runs, serving the JSON API and the pages.
///
/// For example:
///
///     let server = try ReviewServer(configuration: ServeConfiguration(path: "review.livrev",
///         host: "127.0.0.1", port: 8080), hooks: hooks)
///     try await server.run { port in print("listening on \(port)") }
package final class ReviewServer: Sendable {
    let configuration: ServeConfiguration
    let hooks: ServerHooks
    let connections: RegistryConnections
    let sessions: Sessions
    let queues: ScreeningQueues
    /// bcrypt, slow on purpose: a burst of sign-ins waits its turn instead of taking the cores.
    let passwords = BackgroundWork(name: "livrev.passwords")
    /// The review's title when the server started.
    package let title: String
    private let stopping = Atomic<Bool>(false)

    package init(configuration: ServeConfiguration, hooks: ServerHooks) throws {
        self.configuration = configuration
        self.hooks = hooks
        connections = try RegistryConnections(path: configuration.path, settings: configuration.registry)
        sessions = Sessions(idle: configuration.sessionIdle)
        queues = try ScreeningQueues(connections: connections, reservation: configuration.reservation)
        title = try connections.readNow { try $0.title() }
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way and every queued
    /// write before returning. `onListening` gets the bound port (useful with port 0).
    package func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        let router = Router()
        addAPIRoutes(to: router)
        addPageRoutes(to: router)
        var logger = Logger(label: "livrev.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "livrev"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let refresher = Thread { [self] in refreshUntilStopped() }
        refresher.start()
        defer { stopping.store(true, ordering: .relaxed) }
        try await app.runService()
        connections.drain()
    }

    /// The living-updates loop: rebuild the queues whenever the head revision moves, and
    /// checkpoint the WAL (which the write connection leaves to this loop).
    ///
    /// A rebuild re-ranks every record while requests are answered from the previous lists, at
    /// background priority (`BackgroundWork`).
    private func refreshUntilStopped() {
        BackgroundWork.lowerPriority()
        let (seconds, attoseconds) = configuration.refreshInterval.components
        let interval = Double(seconds) + Double(attoseconds) / 1e18
        while !stopping.load(ordering: .relaxed) {
            Thread.sleep(forTimeInterval: interval)
            do {
                try connections.checkpoint()
                try queues.refresh(ownWritesEvery: .seconds(2))
            } catch {
                FileHandle.standardError.write(Data("livrev serve: refreshing the queues: \(error)\n".utf8))
            }
        }
    }
}
