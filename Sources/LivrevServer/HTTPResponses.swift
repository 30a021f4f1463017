import Foundation
import HTTPTypes
import Hummingbird
import LivrevReports

/// Every response the server sends is made here, with the same safety headers.
enum HTTPResponses {
    static let csrfHeader = "X-CSRF-Token"

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        bytes(value.rendered(pretty: true) + "\n", type: "application/json; charset=utf-8", status: status, headers: extra)
    }

    static func error(_ error: APIError) -> Response {
        bytes(error.json + "\n", type: "application/json; charset=utf-8", status: error.status)
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(page, type: "text/html; charset=utf-8", status: status)
    }

    static func noContent() -> Response {
        var response = bytes("", type: "application/json; charset=utf-8", status: .noContent)
        response.body = ResponseBody()
        return response
    }

    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return bytes("", type: "text/plain; charset=utf-8", status: .seeOther, headers: headers)
    }

    private static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options") ?? .contentType
    private static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .contentType

    static func bytes(
        _ text: String, type: String, status: HTTPResponse.Status, headers extra: HTTPFields = [:]
    ) -> Response {
        var headers = extra
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[contentTypeOptions] = "nosniff"
        headers[referrerPolicy] = "no-referrer"
        // Scripts only from the server's own file, never inline: an injected <script> would not run.
        headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The session cookie: HttpOnly, SameSite=Strict, the whole site; Secure only behind TLS.
    static func sessionCookie(_ token: String, secure: Bool) -> String {
        "\(Sessions.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static func clearedCookie() -> String {
        "\(Sessions.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
    }
}

extension Request {
    /// The value of a header, by name.
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }

    /// The session token from the cookie.
    var sessionToken: String? {
        cookies[Sessions.cookieName]?.value
    }

    /// A query parameter, percent-decoded.
    func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map { String($0).removingPercentEncoding ?? String($0) }
    }
}
