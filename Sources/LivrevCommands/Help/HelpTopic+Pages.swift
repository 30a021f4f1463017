extension HelpTopic {
    /// The concept pages, each fitting 100 columns.
    static let pages: [Page] = [
        Page(
            name: "revisions", aliases: ["snapshots", "history", "undo"],
            summary: "revisions and snapshots: nothing is ever overwritten",
            text: """
                Revisions and snapshots

                Every command that writes adds one revision: who (--as), when, and the command line
                ('livrev log' lists them). The rows it writes carry that revision, and nothing is ever
                updated or deleted. A change is a newer fact that supersedes an older one:

                  a changed vote      'screen decide' again: the later decision counts, both are kept
                  a withdrawn vote    'screen undo RECORD' (or u in the keyboard screener)
                  a wrong duplicate   'dedup --undo RECORD'
                  a wrong study link  'study unlink RECORD' or 'study link' to another study
                  a wrong data row    'data retract ROW' ('data list' shows row ids), then import again

                A snapshot names one revision: 'snapshot create 2026-11 --note "update search"' copies
                nothing and takes no time. Every read command takes '--at 2026-11' (or a revision number
                from the log) and answers exactly as the registry did then, byte for byte: 'pool --all
                --at 2025-06' is the analysis of the published version. 'snapshot diff A B' lists what
                was added, corrected and retracted between two snapshots, and how each outcome moved.

                'livrev verify' recomputes the seal chain (BLAKE2b over every revision's rows) and says
                whether anyone edited the file outside livrev.

                """),
        Page(
            name: "blinding", aliases: ["blind", "dual"],
            summary: "what a screener may see of the other screener's work",
            text: """
                Blinding

                Each record is screened by two reviewers, independently. Until both decisions on a
                record at a stage are in, nothing livrev prints to either of them depends on what the
                other decided: 'screen next', the keyboard screener, 'prisma', 'log' and error messages
                alike. That a vote exists may show ("awaiting the other reviewer"); what it says does not.

                Once both votes are in, a disagreement is a conflict ('livrev conflicts --stage S'). An
                arbiter (reviewer add NAME --role arbiter) resolves it ('livrev resolve RECORD DECISION
                --stage S --as ARBITER'), or the two reviewers agree and one records it with --consensus.
                Include and maybe agree (both move the record on); include and exclude conflict.

                Notes ('livrev note add', n in the keyboard screener) are read by their author and by
                arbiters only: a note may say how its author voted. The same rules hold for paired
                risk-of-bias judgements.

                """),
        Page(
            name: "prisma", aliases: ["flow", "prisma2020"],
            summary: "how the PRISMA 2020 boxes come from the decisions",
            text: """
                PRISMA 2020 from decisions

                'livrev prisma' counts; nobody types a box in (except a previous version's published
                counts, 'previous counts FILE').

                  Identified        records imported, per search ('search add --register' for registers)
                  Duplicates        records 'dedup' marked (marks can be undone; records never deleted)
                  Screened          records with a title-abstract outcome (agreed, or resolved)
                  Excluded          agreed or resolved title-abstract exclusions
                  Sought            records that moved on (include or maybe)
                  Not retrieved     'retrieve RECORD --not-retrieved'
                  Assessed          full texts with an outcome; excluded ones per reason
                  Included          full-text includes; studies are the included reports grouped with
                                    'study add/link' (several reports of one trial are one study)

                Work in progress is counted apart ("pending": awaiting a vote, or in conflict), so the
                arithmetic always adds up. Set the exclusion reasons once ('livrev reasons add "wrong
                population" …') and every full-text exclusion must give one, by words or number: the
                "Reports excluded" box then counts each reason once, spelt one way.

                An updated review ('search add --previous' for the earlier version's included reports)
                gets the updated-review template: previous studies and reports, plus the new ones.
                'prisma --previous SNAPSHOT' takes the previous boxes from a snapshot.

                """),
        Page(
            name: "screening", aliases: ["keyboard", "keys", "screener"],
            summary: "the keyboard screener and its scripted equivalents",
            text: """
                Screening at the keyboard

                'livrev screen --stage title-abstract --as ana' opens one record card at a time: title,
                authors, source, abstract wrapped to the terminal, words from 'livrev terms' highlighted
                (include terms green, exclude terms red), and a progress line
                "312 of 4,018 · 41 included · 3 conflicts". Keys:

                  i include     e exclude (at full text, pick a reason)     m maybe (title-abstract)
                  s skip        u undo my last decision     n note     q quit     ? help

                Each key is one decision written at once, as its own revision: quitting, closing the
                terminal or losing the connection loses nothing. Records come in the order of
                'livrev screen next', and the card shows nothing of the other reviewer's votes.

                In scripts: 'screen next --stage S --as R [--skip ID…]', 'screen decide RECORD DECISION
                --stage S --as R [--reason R]', 'screen undo [RECORD]', 'screen import FILE.csv'.

                """),
        Page(
            name: "living", aliases: ["update", "updates"],
            summary: "a living review: update searches, snapshots and re-pooling",
            text: """
                A living review

                One registry holds every version. An update is: a new 'search add' and 'import records',
                'dedup' (against every earlier record too), dual screening of the new records only,
                extraction of the new trials ('data import'), then 'snapshot create NAME'. Then:

                  pool --all                         the updated analysis
                  pool --all --at OLD                the previous version's, exactly as it was
                  snapshot diff OLD NEW              what changed: facts and each outcome's estimate
                  prisma --previous OLD              the PRISMA 2020 diagram for an updated review
                  cumulative --outcome X --by snapshot   how the estimate moved version by version

                'livrev demo' builds a worked example: a published review as the previous version, an
                update search screened by two reviewers, the re-pool and what it changed.

                """),
    ]
}
