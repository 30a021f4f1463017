extension ScreeningTerms {
    /// What a character of a record's text is highlighted as.
    package enum Mark: Sendable {
        case none
        case include
        case exclude
    }

    /// The mark of every character of `characters`: where an include or exclude term occurs. A
    /// term matches whole words, case-insensitively; a trailing `*` matches any ending
    /// (`randomi*`). Where both lists match, the exclude term wins. The terminal's record card
    /// and the served pages both highlight with this.
    package func marks(in characters: [Character]) -> [Mark] {
        var marks = Array(repeating: Mark.none, count: characters.count)
        guard !(include.isEmpty && exclude.isEmpty) else { return marks }
        let folded = characters.map { Character($0.lowercased()) }
        for (list, mark) in [(exclude, Mark.exclude), (include, Mark.include)] {
            for term in list {
                for range in ScreeningTerms.matches(of: term.lowercased(), in: folded) {
                    for index in range where marks[index] == .none { marks[index] = mark }
                }
            }
        }
        return marks
    }

    /// Where `term` occurs in `text` as whole words (`*` at its end: as a word's beginning).
    static func matches(of term: String, in text: [Character]) -> [Range<Int>] {
        let prefix = term.hasSuffix("*")
        let needle = Array(prefix ? String(term.dropLast()) : term)
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        func isWord(_ index: Int) -> Bool { index >= 0 && index < text.count && (text[index].isLetter || text[index].isNumber) }
        var found: [Range<Int>] = []
        var start = 0
        while start + needle.count <= text.count {
            if !isWord(start - 1), Array(text[start..<start + needle.count]) == needle {
                var end = start + needle.count
                if prefix {
                    while isWord(end) { end += 1 }
                    found.append(start..<end)
                    start = end
                    continue
                }
                if !isWord(end) {
                    found.append(start..<end)
                    start = end
                    continue
                }
            }
            start += 1
        }
        return found
    }
}
