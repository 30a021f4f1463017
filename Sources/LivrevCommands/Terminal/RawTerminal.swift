import Foundation
import Glibc

/// The terminal in key-at-a-time mode for the interactive screener: no line buffering, no echo,
/// signals still delivered (Ctrl-C interrupts). The previous settings come back when `restore()`
/// runs, when the process is interrupted, terminated or hung up, and across Ctrl-Z (suspend).
///
/// Not thread-safe; one per process (signal handlers need the saved settings in a global).
///
/// Source: termios(3), https://man7.org/linux/man-pages/man3/termios.3.html
final class RawTerminal {
    private let input: Int32
    private let output: Int32

    /// Puts the terminal on `input` into raw mode.
    ///
    /// - Throws: `CommandError.notATerminal` when `input` or `output` is not a terminal.
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws {
        guard isatty(input) == 1, isatty(output) == 1 else { throw CommandError.notATerminal }
        self.input = input
        self.output = output
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { throw CommandError.notATerminal }
        RawTerminal.saved = saved
        RawTerminal.savedInput = input
        RawTerminal.enterRaw()
        // A parent may have started us with these blocked (a blocked SIGTERM would never restore the terminal).
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT] { sigaddset(&handled, signal) }
        sigprocmask(SIG_UNBLOCK, &handled, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            Glibc.signal(signal, RawTerminal.restoreAndRaise)
        }
        Glibc.signal(SIGTSTP, RawTerminal.suspend)
        Glibc.signal(SIGCONT, RawTerminal.resume)
    }

    deinit { restore() }

    /// Puts the settings back as they were and stops handling signals.
    func restore() {
        guard var saved = RawTerminal.saved else { return }
        tcsetattr(input, TCSAFLUSH, &saved)
        RawTerminal.saved = nil
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT] {
            Glibc.signal(signal, SIG_DFL)
        }
    }

    /// The terminal's width in columns ($COLUMNS, else 80, when the terminal does not say).
    var columns: Int {
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }

    /// The terminal's height in rows (24 when it does not say).
    var rows: Int {
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return 24
    }

    /// The next byte typed, or nil at end of input.
    func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// Writes `text` at once (no buffering: each screen appears whole).
    func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    // MARK: - Signals

    nonisolated(unsafe) private static var saved: termios?
    nonisolated(unsafe) private static var savedInput: Int32 = STDIN_FILENO

    private static func enterRaw() {
        guard var raw = saved else { return }
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        raw.c_cc.6 = 1  // VMIN: a read returns after one byte
        raw.c_cc.5 = 0  // VTIME: no timeout
        tcsetattr(savedInput, TCSANOW, &raw)
    }

    private static let restoreAndRaise: @convention(c) (Int32) -> Void = { signal in
        // TCSANOW: a handler must not wait for output to drain.
        if var saved = RawTerminal.saved { tcsetattr(RawTerminal.savedInput, TCSANOW, &saved) }
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }

    private static let suspend: @convention(c) (Int32) -> Void = { _ in
        if var saved = RawTerminal.saved { tcsetattr(RawTerminal.savedInput, TCSANOW, &saved) }
        Glibc.signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
    }

    private static let resume: @convention(c) (Int32) -> Void = { _ in
        Glibc.signal(SIGTSTP, RawTerminal.suspend)
        RawTerminal.enterRaw()
    }
}
