import ArgumentParser
import Dispatch
import Foundation
import LivrevReports
import LivrevServer
import LivrevStore

/// `livrev serve`: the team's workspace in the browser, over this registry file.
struct Serve: RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the review to the team in the browser: sign-in, blinded screening, conflicts, dashboard.",
        discussion: """
            Prints 'Serving TITLE at http://HOST:PORT/' once listening. Reviewers sign in with the passwords \
            set by 'reviewer add … --password-stdin'. The server is the file's only writer while it runs; \
            the CLI keeps working on the same file. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
            """)

    @OptionGroup var registryOptions: RegistryOptions

    @Option(help: "The address to listen on (loopback unless told otherwise).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed on the first line).")
    var port = 8080

    @Option(help: .hidden)
    var sessionSeconds: Int?

    @Option(help: .hidden)
    var reservationSeconds: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run(_ context: CommandContext) throws {
        var settings = ServeConfiguration(path: context.path, host: host, port: port)
        settings.registry = .fromEnvironment
        if let sessionSeconds { settings.sessionIdle = .seconds(sessionSeconds) }
        if let reservationSeconds { settings.reservation = .seconds(reservationSeconds) }
        let server = try ReviewServer(configuration: settings, hooks: Serve.hooks(path: context.path))
        let host = self.host
        let done = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        Task {
            do {
                try await server.run { port in
                    Output.print("Serving \(server.title) at http://\(host):\(port)/")
                }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }

    /// The CLI's own rules, lent to the server: exit codes, messages, command lines, and the JSON,
    /// SVG and HTML of `records show`, `prisma`, `agreement`, `conflicts` and `report`.
    static func hooks(path: String) -> ServerHooks {
        ServerHooks(
            exitCode: { ExitStatus.code(for: StoreError.translating($0, path: path)) },
            message: { "\(StoreError.translating($0, path: path))" },
            commandLine: { CommandContext.commandLine($0) },
            recordJSON: { registry, id in RecordFields.json(try registry.storedRecord(id)) },
            prismaJSON: { registry in try Prisma.flow(registry, at: .max).json },
            prismaSVG: { registry in try Prisma.flow(registry, at: .max).renderedSVG() },
            agreementJSON: { registry, stage in
                AgreementCommand.json(stage: stage, try AgreementCommand.results(registry, stage: stage, at: .max))
            },
            conflictsJSON: { registry, stage in Conflicts.json(try registry.conflicts(stage: stage)) },
            reportHTML: { registry in
                try ReportBuilder(
                    registry: registry, revision: try registry.headRevision(), snapshot: nil,
                    options: try PoolOptions.parse([])
                ).html()
            })
    }
}

/// Where the serving task leaves the error it stopped with.
private final class ServeFailure: @unchecked Sendable {
    var error: (any Error)?
}
