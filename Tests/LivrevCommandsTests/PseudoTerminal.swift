import Foundation
import Glibc

/// The built `livrev` running on a pseudo-terminal of a given size, as a screener's terminal
/// would run it: the test types keys into the master side and reads what was drawn.
final class PseudoTerminal {
    let process = Process()
    private let master: Int32
    private let slave: Int32
    /// Everything the program has written so far.
    private(set) var output = ""

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ arguments: [String], in runner: CommandRunner, columns: UInt16 = 80, rows: UInt16 = 30) throws {
        // posix_openpt/grantpt/unlockpt/ptsname are not imported into Swift; these are the Linux
        // ioctls they wrap (asm-generic/ioctls.h: TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned)).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal: errno \(errno)")
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "cannot open /dev/pts/\(number)") }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = runner.folder
        var environment = ProcessInfo.processInfo.environment
        environment["LIVREV_DB"] = runner.registryPath
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
        close(slave)
    }

    /// Types `keys`.
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until the output written since `from` contains `text`; fails after `seconds`.
    @discardableResult
    func waitFor(_ text: String, since from: String.Index? = nil, seconds: Double = 20) throws -> String {
        let start = from ?? output.startIndex
        let deadline = Date().addingTimeInterval(seconds)
        while !output[start...].contains(text) {
            guard Date() < deadline else {
                throw Failure(description: "'\(text)' never appeared; the terminal shows:\n\(PseudoTerminal.plain(output))")
            }
            readAvailable(milliseconds: 100)
        }
        return String(output[start...])
    }

    /// A mark in the output: later waits look only at what comes after it.
    var mark: String.Index { output.endIndex }

    /// Waits for the program to end and returns its exit status.
    func exitStatus(seconds: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else { throw Failure(description: "the screener did not exit") }
            readAvailable(milliseconds: 50)
        }
        readAvailable(milliseconds: 50)
        return process.terminationStatus
    }

    /// Whether the terminal is back in line mode with echo (what a shell needs after the screener).
    var isInLineMode: Bool {
        var settings = termios()
        guard tcgetattr(slave, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
    }

    private func readAvailable(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 { output += String(decoding: buffer[0..<count], as: UTF8.self) }
    }

    /// `text` without ANSI escape sequences.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
    }
}
