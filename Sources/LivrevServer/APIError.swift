import HTTPTypes
import LivrevReports

/// A refusal the server answers with `{"error": message}` and an HTTP status.
struct APIError: Error {
    let status: HTTPResponse.Status
    let message: String

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }
    static let noSession = APIError(status: .unauthorized, message: "sign in first (no session, or it lapsed)")
    static let noCSRF = APIError(
        status: .forbidden, message: "missing or wrong X-CSRF-Token header (login returns the token)")
    static func forbidden(_ message: String) -> APIError { APIError(status: .forbidden, message: message) }
    static func conflict(_ message: String) -> APIError { APIError(status: .conflict, message: message) }

    /// The status for a CLI exit code: usage and bad data 400, missing things 404, refused by the
    /// review's rules 409, busy 503, anything else 500.
    static func status(forExitCode code: Int32) -> HTTPResponse.Status {
        switch code {
        case 64, 65: .badRequest
        case 66, 69: .notFound
        case 75: .serviceUnavailable
        case 77: .conflict
        default: .internalServerError
        }
    }

    var json: String { JSONValue.object([("error", .string(message))]).rendered() }
}
