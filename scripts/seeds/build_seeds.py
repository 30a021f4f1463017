#!/usr/bin/env python3
"""Builds Seeds/ (livrev's bundled example) from the transcribed seed review.

Usage: scripts/seeds/build_seeds.py [SEED_DIR]   (default Seeds/published, the transcribed review)

The transcription keeps the paper's tables cell by cell, typos and all; this script only
changes their shape into livrev's import formats. The choices it makes are the ones a
team migrating this review would make, and each is written down in Seeds/README.md:
  - study keys are "Surname Year" as Table 3 prints them (references.csv `study_key`);
  - Table 2's second "Shi 2012" row (DLC, n = 219) is the 2021 trial (ref 51), and its
    "Zhang 2017" row is the trial Table 3 calls "Zhang 2016" (refs 30 = 49);
  - Table 3's "Epicum 2019" rows keep that spelling, so `check` can find the near-duplicate
    of "Ercicum 2019" as a reviewer would have to;
  - risk-of-bias rows are the published (final) judgements of RoB 1.
The next `swift build` embeds the new Seeds/ in the binary (the EmbedResources plugin).
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Seeds", "published")
OUT = os.path.join(ROOT, "Seeds")


def read(name):
    with open(os.path.join(SEED, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


# The update search, simulated from the paper's own reference list: the trials published from 2021
# on, and the cited papers that are not trials of intravenous MSCs (what screening must exclude),
# split over two databases' exports that overlap, plus two trial registrations (from Table 2's
# registration numbers; written by us) in a ClinicalTrials.gov CSV. Then the two screeners'
# scripted decisions, by record id (ids follow import order; dedup keeps the earliest record).
EMBASE = ["13", "14", "16", "19", "22", "23", "24", "2", "3", "4", "5", "6", "7", "10"]
SCOPUS = ["22", "23", "26", "42", "46", "47", "48", "51", "1", "5", "8", "9", "11", "12"]
REGISTRATIONS = [
    ("NCT04333368", "Monsel 2022", "Mesenchymal stromal cells given intravenously in COVID-19 associated ARDS: "
     "randomized, double-blind, placebo-controlled phase 2b trial"),
    ("NCT04355728", None, "Umbilical cord mesenchymal stem cells given intravenously in COVID-19 ARDS: "
     "randomized, double-blind, controlled phase 1/2 trial"),
]
# Title-abstract: a review both read differently (ref 4); full text: an uncontrolled multicentre
# study (ref 6) one screener let through. Ref 5 (intrathecal) passes the abstracts and is excluded
# on its full text; the second registration has no report to retrieve.
TA_CONFLICT, FT_CONFLICT, FT_EXCLUDED, NOT_RETRIEVED = "4", "6", "5", "NCT04355728"


def update_search(ris, study_of, late, next_id, excluded):
    assert sorted(set(EMBASE + SCOPUS) - set(excluded)) == sorted(late), "every later trial is found"
    with open(os.path.join(OUT, "update-embase.ris"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(ris[ref] for ref in EMBASE) + "\n")
    with open(os.path.join(OUT, "update-scopus.ris"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(ris[ref] for ref in SCOPUS) + "\n")
    write("update-ctgov.csv", ["NCT Number", "Study Title"], [[nct, title] for nct, _, title in REGISTRATIONS])
    ids, kept = {}, []
    for ref in EMBASE + SCOPUS:
        if ref not in ids:
            ids[ref] = next_id
            kept.append(ref)
        next_id += 1
    for nct, _, _ in REGISTRATIONS:
        ids[nct] = next_id
        kept.append(nct)
        next_id += 1
    studies = [[ids[ref], study_of[ref]] for ref in kept if ref in study_of]
    studies += [[ids[nct], study] for nct, study, _ in REGISTRATIONS if study]
    write("update-studies.csv", ["record", "study"], studies)

    def passes_abstract(ref):
        return ref in study_of or ref in (FT_CONFLICT, FT_EXCLUDED) or ref.startswith("NCT")

    ana, ben = [], []
    for ref in kept:
        a = b = "include" if passes_abstract(ref) else "exclude"
        if ref == TA_CONFLICT:
            a = "include"
        ana.append([ids[ref], a, ""])
        ben.append([ids[ref], b, ""])
    write("update-title-abstract-ana.csv", ["record", "decision", "reason"], ana)
    write("update-title-abstract-ben.csv", ["record", "decision", "reason"], ben)
    ana, ben = [], []
    for ref in kept:
        if not passes_abstract(ref) or ref == NOT_RETRIEVED:
            continue
        if ref == FT_EXCLUDED:
            ana.append([ids[ref], "exclude", "wrong route"])
            ben.append([ids[ref], "exclude", "wrong route"])
        elif ref == FT_CONFLICT:
            ana.append([ids[ref], "include", ""])
            ben.append([ids[ref], "exclude", "not randomized"])
        else:
            ana.append([ids[ref], "include", ""])
            ben.append([ids[ref], "include", ""])
    write("update-full-text-ana.csv", ["record", "decision", "reason"], ana)
    write("update-full-text-ben.csv", ["record", "decision", "reason"], ben)
    write("update-arbiter.csv", ["stage", "record", "decision", "reason", "what"], [
        ["title-abstract", ids[TA_CONFLICT], "exclude", "not a trial of IV MSCs", "a narrative review"],
        ["full-text", ids[FT_CONFLICT], "exclude", "not randomized", "an uncontrolled multicentre study"],
        ["not-retrieved", ids[NOT_RETRIEVED], "", "registration only: no results or report to retrieve", ""],
    ])


def main():
    os.makedirs(OUT, exist_ok=True)
    refs = read("references.csv")
    included = [r for r in refs if r["is_included_trial"] == "yes"]
    wanted = {r["ref"] for r in included}

    # The included trials' reports, in reference order. The trials published up to 2020 are the
    # previous version (migrated from its reference list); the later ones are found by the update.
    with open(os.path.join(SEED, "references.ris"), encoding="utf-8") as f:
        blocks = [block.strip("\n") for block in f.read().split("\n\n") if block.strip()]
    ris = {next(l for l in b.splitlines() if l.startswith("N1  - ref ")).split()[-1]: b for b in blocks}
    study_of = {r["ref"]: r["study_key"] for r in included}
    early = [r["ref"] for r in included if int(r["study_key"].split()[-1]) <= 2020]
    late = [r["ref"] for r in included if int(r["study_key"].split()[-1]) > 2020]
    with open(os.path.join(OUT, "previous-reports.ris"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(ris[ref] for ref in early) + "\n")
    write("previous-reports-studies.csv", ["record", "ref", "study"],
          [[i + 1, ref, study_of[ref]] for i, ref in enumerate(early)])
    update_search(ris, study_of, late, next_id=len(early) + 1, excluded=[r["ref"] for r in refs if r["is_included_trial"] != "yes"])

    # The published review's flow counts (for all 36 trials): the only counts livrev takes as typed,
    # kept so that `check` tests their arithmetic.
    write("previous-flow.csv", ["stage", "count", "note"],
          [[r["stage"], r["count"], r["source_sentence"]] for r in read("prisma.csv")])

    # Table 2: study characteristics, verbatim, keyed as Table 3 keys the trials.
    characteristics = read("study_characteristics.csv")
    columns = [c for c in characteristics[0].keys() if c not in ("study",)]
    rows = []
    for r in characteristics:
        key = f"{r['study']} {r['year']}"
        if key == "Shi 2012" and r["condition"] == "DLC":
            key = "Shi 2021"
        if key == "Zhang 2017":
            key = "Zhang 2016"
        rows.append([key] + [r[c] for c in columns])
    late_studies = {study_of[ref] for ref in late}
    write("characteristics-to-2020.csv", ["study"] + columns, [r for r in rows if r[0] not in late_studies])
    write("characteristics-from-2021.csv", ["study"] + columns, [r for r in rows if r[0] in late_studies])

    # Table 3: one dichotomous row per printed line, treatment arm first, in two files by publication
    # year, so the demo can replay the review as it stood with the trials up to 2020 and then with all.
    header = ["study", "outcome", "label", "event_name", "year", "events_t", "n_t", "events_c", "n_c"]
    table3 = [[f"{r['study']} {r['year']}", r["category"], r["label"], r["event_name"], r["year"],
               r["events_t"], r["n_t"], r["events_c"], r["n_c"]] for r in read("ae_counts.csv")]
    write("ae-counts-to-2020.csv", header, [r for r in table3 if int(r[4]) <= 2020])
    later = [r for r in table3 if int(r[4]) > 2020]
    write("ae-counts-from-2021.csv", header, later)
    # The second extractor's sheet: identical but for a real discrepancy of the paper. Table 3 prints
    # Zang 2022's chest pain as 2/12 vs 0/4 (Perico 2023's denominators; Zang's other rows are
    # 45/46); the second extractor takes Zang's own denominators, the first copies the table.
    slip = [r[:] for r in later]
    for r in slip:
        if r[0] == "Zang 2022" and r[3] == "Chest pain":
            r[6], r[8] = "45", "46"
    assert slip != later
    write("ae-counts-from-2021-ben.csv", header, slip)

    # Risk of bias (RoB 1) as the Results text states it: published, so final judgements.
    rob = [[r["study_key"], r["domain"], r["judgement"], f"ref {r['reference']}: {r['source']}"] for r in read("rob.csv")]
    write("rob-to-2020.csv", ["study", "domain", "judgement", "support"], [r for r in rob if r[0] not in late_studies])
    write("rob-from-2021.csv", ["study", "domain", "judgement", "support"], [r for r in rob if r[0] in late_studies])

    # The single-arm cohort (J Clin Med 2024;13:7460): its published results as rows of their own outcomes.
    cohort = "JCM cohort 2024"
    write("cohort-proportions.csv", ["study", "outcome", "events", "n"], [
        [cohort, "Cohort: minor adverse events", 20, 2504],
        [cohort, "Cohort: MACCE", 5, 2504],
    ])
    write("cohort-hazard-ratios.csv", ["study", "outcome", "measure", "estimate", "ci_lower", "ci_upper"], [
        [cohort, "Cohort: MACCE hazard per year of age", "HR", 1.127, 1.0418, 1.219],
        [cohort, "Cohort: MACCE hazard, male vs female", "HR", 0.9129, 0.1429, 5.831],
        [cohort, "Cohort: MACCE hazard per billion cells", "HR", 0.5928, 0.1849, 1.900],
    ])
    print(f"wrote Seeds/: {len(early)} + {len(late)} reports, {len(rows)} characteristic rows", file=sys.stderr)


if __name__ == "__main__":
    main()
