import Foundation
import LivrevStore

/// What the interactive screener reads keys from and draws on: the raw terminal, or a test's script.
protocol KeyboardTerminal: AnyObject {
    func readByte() -> UInt8?
    func write(_ text: String)
    var columns: Int { get }
}

extension RawTerminal: KeyboardTerminal {}

/// The keyboard loop of `livrev screen --stage S --as R`: one record card at a time, one key per
/// decision, each decision written at once as its own revision (so nothing is lost on quit or
/// kill). Records come in the order `screen next` gives them (`Registry.nextRecord`), and the
/// screen shows nothing of other reviewers' votes but the conflicts, which show once both votes are in.
struct ScreeningSession {
    let registry: Registry
    let reviewer: Reviewer
    let stage: ScreeningStage
    let terminal: any KeyboardTerminal

    private var current: Int64?
    private var skipped: Set<Int64> = []
    private var message = ""
    private var showingHelp = false
    private var decidedThisSession = 0

    init(registry: Registry, reviewer: Reviewer, stage: ScreeningStage, terminal: any KeyboardTerminal) {
        self.registry = registry
        self.reviewer = reviewer
        self.stage = stage
        self.terminal = terminal
    }

    static let keys: [(key: String, name: String, does: String)] = [
        ("i", "include", "include"), ("e", "exclude", "exclude (at full text: with a reason)"),
        ("m", "maybe", "maybe (title-abstract only; moves on like include)"), ("s", "skip", "skip for now"),
        ("u", "undo", "undo my last decision (withdrawn; history keeps it)"), ("n", "note", "add a note to this record"),
        ("q", "quit", "quit"), ("?", "help", "this help"),
    ]

    /// Runs until `q` (or Ctrl-D, or the end of input) and returns the closing summary.
    mutating func run() throws -> String {
        current = try registry.nextRecord(stage: stage, reviewer: reviewer, skipping: skipped)
        while true {
            try draw()
            guard let key = terminal.readByte() else { break }
            showingHelp = false
            switch key {
            case UInt8(ascii: "q"), 4: break
            case UInt8(ascii: "i"): try decide(.include)
            case UInt8(ascii: "e"): try decide(.exclude)
            case UInt8(ascii: "m"): try decide(.maybe)
            case UInt8(ascii: "s"): try skip()
            case UInt8(ascii: "u"): try undo()
            case UInt8(ascii: "n"): try note()
            case UInt8(ascii: "?"), UInt8(ascii: "h"): showingHelp = true
            case 12: message = ""  // Ctrl-L redraws
            default: message = "Unknown key: press ? for help."
            }
            if key == UInt8(ascii: "q") || key == 4 { break }
        }
        let progress = try registry.screeningProgress(stage: stage, reviewer: reviewer)
        return "Recorded \(decidedThisSession) \(stage.rawValue) decision\(decidedThisSession == 1 ? "" : "s") this session.\n"
            + "\(reviewer.name) at \(stage.rawValue): \(ScreeningSession.progressLine(progress)).\n"
    }

    // MARK: - Keys

    private mutating func decide(_ decision: ScreeningDecision) throws {
        guard let record = current else {
            message = "Nothing to decide here."
            return
        }
        guard stage.decisions.contains(decision) else {
            message = "'maybe' is a title-abstract decision; at full text press i or e."
            return
        }
        var reason: String?
        if stage == .fullText, decision == .exclude {
            guard let typed = try askReason(), !typed.isEmpty else {
                message = "Not excluded: a full-text exclusion needs a reason."
                return
            }
            reason = typed
        }
        var words = ["screen", "decide", String(record), decision.rawValue, "--stage", stage.rawValue, "--as", reviewer.name]
        if let reason { words += ["--reason", reason] }
        let (stage, reviewer) = (stage, reviewer)
        if try write(
            words,
            { registry, revision in
                try registry.decide(
                    record: record, stage: stage, decision: decision, reason: reason, reviewer: reviewer, revision: revision)
            })
        {
            decidedThisSession += 1
            message = "Recorded \(decision.rawValue) on record \(record)."
        }
        current = try registry.nextRecord(stage: stage, reviewer: reviewer, skipping: skipped)
    }

    private mutating func skip() throws {
        if let record = current {
            skipped.insert(record)
            message = "Skipped record \(record) for now."
        } else if !skipped.isEmpty {
            message = "Back to the \(skipped.count) record\(skipped.count == 1 ? "" : "s") you skipped."
            skipped = []
        }
        current = try registry.nextRecord(stage: stage, reviewer: reviewer, skipping: skipped)
        if current == nil, !skipped.isEmpty {
            message += " Only skipped records are left: press s to go through them again."
        }
    }

    private mutating func undo() throws {
        guard let record = try registry.lastDecisionRecord(stage: stage, reviewer: reviewer) else {
            message = "You have no \(stage.rawValue) decision to undo."
            return
        }
        let (stage, reviewer) = (stage, reviewer)
        let (facts, _) = try registry.recordFacts(record)
        let was = facts[stage].votes.first { $0.reviewerID == reviewer.id }?.decision.rawValue ?? "decision"
        let words = ["screen", "undo", String(record), "--stage", stage.rawValue, "--as", reviewer.name]
        if try write(
            words,
            { registry, revision in
                try registry.withdrawDecision(record: record, stage: stage, reviewer: reviewer, revision: revision)
            })
        {
            decidedThisSession = max(0, decidedThisSession - 1)
            skipped.remove(record)
            current = record
            message = "Withdrew your \(was) on record \(record) (history keeps it): decide it again."
        }
    }

    private mutating func note() throws {
        guard let record = current else {
            message = "No record to add a note to."
            return
        }
        guard let text = readLine(prompt: "Note on record \(record) (Enter saves, Esc cancels): "), !text.isEmpty else {
            message = "No note added."
            return
        }
        let reviewer = reviewer
        if try write(
            ["note", "add", String(record), "--as", reviewer.name],
            { registry, revision in
                try registry.addNote(record: record, text: text, reviewer: reviewer, revision: revision)
            })
        {
            message = "Note added to record \(record)."
        }
    }

    /// Writes one revision; a refusal by the review rules becomes the message line instead of an exit.
    private mutating func write(_ words: [String], _ body: (Registry, Int64) throws -> Void) throws -> Bool {
        let registry = registry
        do {
            try registry.write(reviewer: reviewer.name, command: CommandContext.commandLine(words)) {
                try body(registry, $0)
            }
            return true
        } catch let error as StoreError {
            message = "Not recorded: \(error)"
            return false
        }
    }

    private mutating func askReason() throws -> String? {
        let reasons = try registry.exclusionReasons()
        let choices = reasons.enumerated().map { "  \($0 + 1)  \($1)" }
        terminal.write("\r\n" + (choices.isEmpty ? "" : "Exclusion reasons:\r\n" + choices.joined(separator: "\r\n") + "\r\n"))
        let prompt = reasons.isEmpty ? "Reason (Enter saves, Esc cancels): " : "Reason number or words: "
        guard let typed = readLine(prompt: prompt) else { return nil }
        do {
            return try registry.listedReason(typed)
        } catch let error as StoreError {
            message = "Not excluded: \(error)"
            return nil
        }
    }

    /// A line typed at the bottom of the screen: printable text, backspace, Enter; Esc or Ctrl-C cancels.
    private func readLine(prompt: String) -> String? {
        terminal.write("\r\n" + prompt)
        var bytes: [UInt8] = []
        var pending: [UInt8] = []  // the bytes of a character not yet whole
        while let byte = terminal.readByte() {
            switch byte {
            case 13, 10: return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            case 27, 3: return nil
            case 127, 8:
                guard !bytes.isEmpty else { continue }
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
                pending = []
                terminal.write("\u{8} \u{8}")
            case 0..<32: continue
            default:
                bytes.append(byte)
                pending.append(byte)
                if let character = String(bytes: pending, encoding: .utf8) {
                    terminal.write(character)
                    pending = []
                }
            }
        }
        return nil
    }

    // MARK: - Drawing

    private func draw() throws {
        let width = max(40, terminal.columns)
        let progress = try registry.screeningProgress(stage: stage, reviewer: reviewer)
        let title = "livrev screen · \(stage.rawValue) · \(reviewer.name)"
        let right = ScreeningSession.progressLine(progress)
        let gap = max(2, width - title.count - right.count)
        var lines = [title + String(repeating: " ", count: gap) + right, String(repeating: "─", count: width)]
        if showingHelp {
            lines.append("Keys:")
            lines += ScreeningSession.keys.map { "  \($0.key)  \($0.does)" }
            lines += [
                "", "Each key is one decision, written at once: quitting or closing the terminal loses nothing.",
                "Records come in the order 'livrev screen next' gives; you see nothing of other reviewers' votes.",
                "Highlighted words come from 'livrev terms add include|exclude WORD…'. Press any key to go back.",
            ]
        } else if let record = current {
            let card = RecordCard(
                record: try registry.recordDetail(record), width: width, terms: try registry.screeningTerms(),
                highlighting: true)
            lines += card.rendered().split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            for note in try registry.notes(record: record, visibleTo: reviewer) {
                lines += RecordCard.wrapped("Note (\(note.reviewer)): " + Printable.plain(note.text), width: width)
            }
        } else {
            lines.append("Nothing left for \(reviewer.name) at \(stage.rawValue).")
            if !skipped.isEmpty {
                lines.append("\(skipped.count) skipped record\(skipped.count == 1 ? "" : "s"): press s to see them again.")
            }
        }
        lines.append(String(repeating: "─", count: width))
        let keys = ScreeningSession.keys.filter { stage == .titleAbstract || $0.key != "m" }
        lines.append(keys.map { "\($0.key) \($0.name)" }.joined(separator: "  "))
        if !message.isEmpty { lines += RecordCard.wrapped(message, width: width) }
        // Home, clear, then the screen; raw mode needs CR LF.
        terminal.write("\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\r\n") + "\r\n")
    }

    /// "312 of 4,018 · 41 included · 3 conflicts".
    static func progressLine(_ progress: ScreeningProgress) -> String {
        "\(grouped(progress.decided)) of \(grouped(progress.total)) · \(grouped(progress.included)) included · "
            + "\(grouped(progress.conflicts)) conflict\(progress.conflicts == 1 ? "" : "s")"
    }

    /// 4018 → "4,018".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
