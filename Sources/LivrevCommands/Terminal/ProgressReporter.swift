import Foundation
import Glibc

/// Progress of long work (imports, dedup, the report, simulations) on stderr: a bar with counts
/// and rate when stderr is a terminal, nothing at all otherwise (so scripts and logs stay clean).
///
/// For example:
///
///     let progress = ProgressReporter("Importing pubmed.nbib", unit: "records")
///     for record in records { …; progress.advance() }
///     progress.finish()
///
/// Redraws at most ten times a second; `finish()` clears the line. Not thread-safe.
final class ProgressReporter {
    private let label: String
    private let unit: String
    private var total: Int?
    private let output: Int32
    private let isShown: Bool
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private(set) var done = 0

    /// - Parameters:
    ///   - total: the amount of work when known (a bar), nil for a running count.
    ///   - shown: whether to draw; by default, when `output` is a terminal.
    init(_ label: String, unit: String, total: Int? = nil, output: Int32 = STDERR_FILENO, shown: Bool? = nil) {
        self.label = label
        self.unit = unit
        self.total = total
        self.output = output
        self.isShown = shown ?? (isatty(output) == 1)
    }

    deinit { finish() }

    /// Records `count` more units of work done.
    func advance(by count: Int = 1) {
        done += count
        draw()
    }

    /// Sets the work done (and the total, when it becomes known).
    func update(done: Int, total: Int? = nil) {
        self.done = done
        if let total { self.total = total }
        draw()
    }

    /// Clears the progress line.
    func finish() {
        guard isShown, lastDrawn != nil else { return }
        write("\r\u{1B}[2K")
        lastDrawn = nil
    }

    /// The line as drawn, e.g. "Importing x.ris [#######.............] 1,234 / 3,500 records  35%  2,100/s".
    func line(elapsed: Duration, columns: Int) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0.05 ? " \(ScreeningSession.grouped(Int(Double(done) / seconds)))/s" : ""
        guard let total, total > 0 else {
            return "\(label) \(ScreeningSession.grouped(done)) \(unit)\(rate)"
        }
        let fraction = min(1, Double(done) / Double(total))
        let counts =
            " \(ScreeningSession.grouped(done)) / \(ScreeningSession.grouped(total)) \(unit)  \(Int(fraction * 100))%\(rate)"
        let barWidth = max(10, min(40, columns - label.count - counts.count - 4))
        let filled = Int(fraction * Double(barWidth))
        return label + " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]"
            + counts
    }

    private func draw() {
        guard isShown else { return }
        let now = ContinuousClock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(100), done != total { return }
        lastDrawn = now
        var size = winsize()
        let columns = ioctl(output, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        write("\r\u{1B}[2K" + String(line(elapsed: now - start, columns: columns).prefix(columns - 1)))
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
    }
}
