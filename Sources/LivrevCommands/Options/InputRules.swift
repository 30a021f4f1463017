import ArgumentParser

/// The rules for names and dates typed on the command line, in one place (usage errors, exit 64).
enum InputRules {
    /// A name (reviewer, study key, outcome, snapshot, source, title) must have a visible character.
    static func name(_ value: String, _ what: String) throws {
        guard value.contains(where: { !$0.isWhitespace }) else { throw ValidationError("\(what) must not be empty") }
    }

    /// A calendar date as YYYY-MM-DD that exists (no 2026-02-30, no 2025-02-29).
    static func date(_ value: String, _ option: String) throws {
        guard let match = value.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else {
            throw ValidationError("'\(option)' must be a date as YYYY-MM-DD, not '\(value)'")
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
