/// The review the differential blinding test builds, and every command it runs as reviewer A (ana).
///
/// To cover a new command, add its command lines to `readCommands` (a failing write belongs there
/// too: its error message must be blind as well). To cover a new kind of blind vote (extraction,
/// say), add the commands that make the vote disclosed to `setup` and one entry to
/// `undisclosedVotes` with the alternatives B (ben) might have voted (for votes cast from a file,
/// the file's alternatives go in `undisclosedFiles`). Each line is split on
/// spaces; use `~` for a space inside an argument. Every line runs in its own copy of each registry,
/// with `LIVREV_REVIEWER=ana` and `LIVREV_DB=review.livrev`; files a command writes are compared too.
enum BlindingScenario {
    /// Files the setup reads, by name.
    static let files = [
        "records.csv": """
        title,abstract,authors,year,doi
        Stem cells after myocardial infarction,Adverse events were similar.,Hare J,2009,10.1/a
        Stem cells in stroke,A pilot.,Lee J,2010,10.1/b
        Cell therapy economics,Costs.,Nobody N,2018,10.1/c
        MSCs in COPD,Placebo-controlled.,Weiss D,2013,10.1/d
        MSCs in ARDS,Phase 2.,Matthay M,2019,10.1/e
        MSCs in cirrhosis,Pilot trial.,Shi M,2012,10.1/f
        MSCs in lupus,Open label.,Wang D,2014,10.1/g

        """,
        "data.csv": """
        study,outcome,events_t,n_t,events_c,n_c
        Hare-2009,Infection,3,30,5,31
        Weiss-2013,Infection,2,28,4,27
        Hare-2009,Fever,1,30,2,31

        """,
        "ana.csv": """
        record,decision
        7,include

        """,
        "ana-more.csv": """
        study,outcome,events_t,n_t,events_c,n_c
        Hare-2009,Nausea,4,30,1,31
        Weiss-2013,Fever,1,28,1,27

        """,
        "ana-traits.csv": """
        study,country
        Hare-2009,USA

        """,
    ]

    /// Files ben's undisclosed votes read: registry k writes alternative k (the last when fewer).
    static let undisclosedFiles: [[String: String]] = [
        [
            "ben-more.csv": "study,outcome,events_t,n_t,events_c,n_c\nMatthay-2019,Fever,2,40,3,20\n",
            "ben-traits.csv": "study,country,phase\nHare-2009,USA,I\nMatthay-2019,USA,2\n",
        ],
        [
            "ben-more.csv": "study,outcome,events_t,n_t,events_c,n_c\nMatthay-2019,Fever,5,41,0,20\n",
            "ben-traits.csv": "study,country,phase\nHare-2009,USA,II\nMatthay-2019,Canada,2b\n",
        ],
    ]

    /// Builds the part of the review that both registries share: disclosed votes, conflicts,
    /// a study with risk of bias and outcome data, a snapshot.
    static let setup = [
        "init --title Blinding", "reviewer add ana", "reviewer add ben", "reviewer add cy --role arbiter",
        "search add --source PubMed --date 2026-01-01", "import records records.csv --search 1",
        // Title-abstract, both voted: 1 agreed include, 2 a conflict, 3 agreed exclude, 4 and 5 agreed include.
        "screen decide 1 include --stage title-abstract --as ana", "screen decide 1 include --stage title-abstract --as ben",
        "screen decide 2 include --stage title-abstract --as ana", "screen decide 2 exclude --stage title-abstract --as ben",
        "screen decide 3 exclude --stage title-abstract --as ana", "screen decide 3 exclude --stage title-abstract --as ben",
        "screen decide 4 include --stage title-abstract --as ana", "screen decide 4 maybe --stage title-abstract --as ben",
        "screen decide 5 include --stage title-abstract --as ana", "screen decide 5 include --stage title-abstract --as ben",
        // Full text, both voted on 4 (included) and on 1 (a conflict).
        "screen decide 4 include --stage full-text --as ana", "screen decide 4 include --stage full-text --as ben",
        "screen decide 1 include --stage full-text --as ana",
        "screen decide 1 exclude --stage full-text --as ben --reason wrong~population",
        // Ana's own undisclosed vote: she sees it, others do not.
        "screen import ana.csv --stage title-abstract --as ana",
        "study add Hare-2009 --record 4", "data import data.csv --as ana", "data import data.csv --as ben",
        // Ana's own extraction: rows and a characteristic ben has not entered (she sees that they wait).
        "data import ana-more.csv --as ana", "study import ana-traits.csv --as ana",
        "rob set Hare-2009 D1 low --tool rob1 --as ana", "rob set Hare-2009 D1 high --tool rob1 --as ben",
        "rob set Hare-2009 D3 low --tool rob1 --as ana", "rob set Hare-2009 D3 low --tool rob1 --as ben",
        "snapshot create v1",
    ]

    /// Ben's votes that ana has not matched yet: each entry lists the values he might have cast.
    /// Registry k casts alternative k of every entry (the last one when an entry has fewer).
    static let undisclosedVotes = [
        [
            "screen decide 6 include --stage title-abstract --as ben",
            "screen decide 6 exclude --stage title-abstract --as ben",
            "screen decide 6 maybe --stage title-abstract --as ben",
        ],
        [
            "screen decide 5 include --stage full-text --as ben",
            "screen decide 5 exclude --stage full-text --as ben --reason wrong~population",
            "screen decide 5 exclude --stage full-text --as ben --reason no~control~arm",
        ],
        [
            "rob set Hare-2009 D2 low --tool rob1 --as ben",
            "rob set Hare-2009 D2 high --tool rob1 --as ben",
            "rob set Hare-2009 D2 unclear --tool rob1 --as ben --support page~3",
        ],
        // Ben's extraction of a trial ana has not extracted, and a characteristic she has not entered.
        ["data import ben-more.csv --as ben"],
        ["study import ben-traits.csv --as ben"],
    ]

    /// Every command ana might run, reads and refused writes alike.
    static let readCommands = [
        "log", "log --format json", "log --at v1", "verify",
        "screen next --stage title-abstract", "screen next --stage full-text",
        "screen next --stage title-abstract --format json", "screen next --stage full-text --format json",
        "screen next --stage title-abstract --order imported", "screen progress --stage title-abstract --format json",
        "screen progress --stage full-text",
        "conflicts --stage title-abstract", "conflicts --stage full-text", "conflicts --stage full-text --format json",
        "agreement --stage title-abstract", "agreement --stage full-text",
        "agreement --stage title-abstract --format json", "agreement --stage full-text --format json",
        "prisma", "prisma --format json", "prisma --format svg", "prisma --out flow.svg --format svg",
        "records list", "records list --format csv", "records list --format json",
        "reviewer list", "study list", "study list --format json", "outcome list",
        "rob conflicts", "rob conflicts --format json", "rob summary", "rob summary --format json",
        "rob summary --format svg",
        "snapshot list", "snapshot list --format json", "snapshot diff v1 v1",
        "pool --all", "pool --all --format json", "pool --outcome Infection --forest forest.svg --funnel funnel.svg",
        "cumulative --outcome Infection", "check", "check --format json", "report --out report.html",
        "export --metafor metafor",
        "data conflicts", "data conflicts --format json", "data pending", "data pending --format json",
        "study conflicts", "study conflicts --format json", "study pending", "study pending --format json",
        "agreement --extraction", "agreement --extraction --format json", "pool --outcome Fever --format json",
        "pool --all --format csv", "extraction mode", "data list", "data list --format json",
        // Writes refused for rules that look at the votes: the refusal must not tell ben's vote.
        "screen decide 6 include --stage full-text", "resolve 6 include --stage title-abstract --consensus",
        "resolve 6 include --stage title-abstract --as cy", "resolve 5 include --stage full-text --as cy",
        "resolve 5 include --stage full-text --consensus", "retrieve 6 --not-retrieved --reason none",
        "rob resolve Hare-2009 D2 low --tool rob1 --consensus", "rob resolve Hare-2009 D2 low --tool rob1 --as cy",
        // Ana's own votes on the items: what she is told must not depend on ben's.
        "screen decide 6 include --stage title-abstract", "screen decide 5 exclude --stage full-text --reason x",
        "rob set Hare-2009 D2 low --tool rob1",
        // Resolving ben's rows that nobody else entered is refused alike, whatever he entered.
        "data resolve Matthay-2019 Fever --accept ben --as cy", "study resolve Matthay-2019 country --value USA --as cy",
        "study resolve Hare-2009 phase --accept ben --as cy",
        // Ana entering the same trial: she is told what she imported, nothing of ben's values.
        "data import ben-more.csv", "study import ben-traits.csv",
    ]

    /// Splits a command line on spaces; `~` stands for a space inside an argument.
    static func arguments(_ line: String) -> [String] {
        line.split(separator: " ").map { $0.replacingOccurrences(of: "~", with: " ") }
    }
}
