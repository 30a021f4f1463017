import LivrevReports
import LivrevStore

/// What the server takes from the command line's layer, so that each rule stays in one place:
/// which exit code (hence which HTTP status) an error means, how a revision's command line is
/// written, and the JSON, SVG and HTML that `records show`, `prisma`, `agreement`, `conflicts` and
/// `report` print. The server answers with exactly those bytes' values.
package struct ServerHooks: Sendable {
    /// The CLI's exit code for an error (SPEC.md), which `HTTPStatus.forExitCode` turns into a status.
    package var exitCode: @Sendable (any Error) -> Int32
    /// The one-line message the CLI prints for an error (after `Error: `).
    package var message: @Sendable (any Error) -> String
    /// A revision's command line from its words (`livrev` and the words, shell-quoted).
    package var commandLine: @Sendable ([String]) -> String
    /// `records show ID --format json`.
    package var recordJSON: @Sendable (Registry, Int64) throws -> JSONValue
    /// `prisma --format json`.
    package var prismaJSON: @Sendable (Registry) throws -> JSONValue
    /// `prisma --format svg`.
    package var prismaSVG: @Sendable (Registry) throws -> String
    /// `agreement --stage S --format json`.
    package var agreementJSON: @Sendable (Registry, ScreeningStage) throws -> JSONValue
    /// `conflicts --stage S --format json`.
    package var conflictsJSON: @Sendable (Registry, ScreeningStage) throws -> JSONValue
    /// `report` of the head, as one HTML document.
    package var reportHTML: @Sendable (Registry) throws -> String

    package init(
        exitCode: @escaping @Sendable (any Error) -> Int32, message: @escaping @Sendable (any Error) -> String,
        commandLine: @escaping @Sendable ([String]) -> String,
        recordJSON: @escaping @Sendable (Registry, Int64) throws -> JSONValue,
        prismaJSON: @escaping @Sendable (Registry) throws -> JSONValue,
        prismaSVG: @escaping @Sendable (Registry) throws -> String,
        agreementJSON: @escaping @Sendable (Registry, ScreeningStage) throws -> JSONValue,
        conflictsJSON: @escaping @Sendable (Registry, ScreeningStage) throws -> JSONValue,
        reportHTML: @escaping @Sendable (Registry) throws -> String
    ) {
        self.exitCode = exitCode
        self.message = message
        self.commandLine = commandLine
        self.recordJSON = recordJSON
        self.prismaJSON = prismaJSON
        self.prismaSVG = prismaSVG
        self.agreementJSON = agreementJSON
        self.conflictsJSON = conflictsJSON
        self.reportHTML = reportHTML
    }
}
