import Foundation
import Glibc

/// A registry served by the built binary (`livrev serve --port 0`), and a tiny HTTP/1.1 client
/// for it that keeps one reviewer's session cookie and CSRF token.
final class ServedRegistry {
    let livrev: CommandRunner
    let port: Int
    private let process: Process
    private let output: Pipe

    /// Starts `livrev serve` on an ephemeral loopback port over `livrev`'s registry.
    init(_ livrev: CommandRunner, arguments: [String] = []) throws {
        self.livrev = livrev
        process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--db", livrev.registryPath, "--port", "0"] + arguments
        if !livrev.environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(livrev.environment) { $1 }
        }
        output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        let first = String(decoding: line, as: UTF8.self)
        guard let colon = first.range(of: ":", options: .backwards),
            let port = Int(first[colon.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "/")))
        else { throw ServeTestError.noFirstLine(first) }
        self.port = port
        self.firstLine = first
    }

    let firstLine: String

    /// Sends SIGTERM and waits for a clean exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { stop() }

    func client() -> ServeClient { ServeClient(port: port) }

    /// A client signed in as `name`.
    func signedIn(_ name: String, password: String) throws -> ServeClient {
        let client = client()
        let response = try client.login(name, password: password)
        guard response.status == 200 else { throw ServeTestError.login(name, response.text) }
        return client
    }
}

enum ServeTestError: Error {
    case noFirstLine(String)
    case login(String, String)
    case badResponse(String)
}

/// One reviewer's browser, as far as the API is concerned: a session cookie and a CSRF token.
final class ServeClient {
    struct Response {
        let status: Int
        let headers: [(String, String)]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    let port: Int
    var cookie: String?
    var csrf: String?

    init(port: Int) {
        self.port = port
    }

    @discardableResult
    func login(_ name: String, password: String) throws -> Response {
        let response = try post("/api/login", ["name": name, "password": password])
        if response.status == 200 {
            cookie = response.header("Set-Cookie")?.components(separatedBy: ";").first
            csrf = response.json["csrf"] as? String
        }
        return response
    }

    func get(_ path: String) throws -> Response {
        try send("GET", path, body: nil)
    }

    func post(_ path: String, _ object: [String: Any], csrf: Bool = true) throws -> Response {
        try send("POST", path, body: try JSONSerialization.data(withJSONObject: object), csrf: csrf)
    }

    func decide(_ record: Int, _ decision: String, stage: String = "title-abstract", reason: String? = nil) throws -> Response {
        var body: [String: Any] = ["record": record, "stage": stage, "decision": decision]
        if let reason { body["reason"] = reason }
        return try post("/api/screen/decide", body)
    }

    func nextRecord(stage: String = "title-abstract") throws -> Int? {
        let response = try get("/api/screen/next?stage=\(stage)")
        if response.status == 204 { return nil }
        guard response.status == 200, let id = response.json["id"] as? Int else {
            throw ServeTestError.badResponse("\(response.status) \(response.text)")
        }
        return id
    }

    func send(_ method: String, _ path: String, body: Data?, csrf sendCSRF: Bool = true) throws -> Response {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let cookie { request += "Cookie: \(cookie)\r\n" }
        if sendCSRF, let csrf, method == "POST" { request += "X-CSRF-Token: \(csrf)\r\n" }
        if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        request += "\r\n"
        let raw = try Self.exchange(port: port, Data(request.utf8) + (body ?? Data()))
        return try Self.parse(raw)
    }

    private static func exchange(port: Int, _ request: Data) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeTestError.badResponse("socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ServeTestError.badResponse("connect") }
        _ = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, request.count, 0) }
        var reply = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            reply.append(contentsOf: buffer[0..<count])
        }
        return reply
    }

    private static func parse(_ raw: Data) throws -> Response {
        guard let end = raw.range(of: Data("\r\n\r\n".utf8)) else { throw ServeTestError.badResponse("no headers") }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(raw[end.upperBound...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.contains("chunked") }) {
            var decoded = Data()
            while let lineEnd = body.range(of: Data("\r\n".utf8)) {
                let size = Int(String(decoding: body[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
                if size == 0 { break }
                let start = lineEnd.upperBound
                decoded += body[start..<(start + size)]
                body = Data(body[(start + size + 2)...])
            }
            body = decoded
        }
        return Response(status: status, headers: headers, body: body)
    }
}
