#!/usr/bin/env python3
"""Builds Seeds/ (livrev's bundled example) from the transcribed seed review.

Usage: scripts/seeds/build_seeds.py [SEED_DIR]   (default ../shared/seed-review)

The transcription keeps the paper's tables cell by cell, typos and all; this script only
changes their shape into livrev's import formats. The choices it makes are the ones a
team migrating this review would make, and each is written down in Seeds/README.md:
  - study keys are "Surname Year" as Table 3 prints them (references.csv `study_key`);
  - Table 2's second "Shi 2012" row (DLC, n = 219) is the 2021 trial (ref 51), and its
    "Zhang 2017" row is the trial Table 3 calls "Zhang 2016" (refs 30 = 49);
  - Table 3's "Epicum 2019" rows keep that spelling, so `check` can find the near-duplicate
    of "Ercicum 2019" as a reviewer would have to;
  - risk-of-bias rows are the published (final) judgements of RoB 1.
Then run scripts/embed-resources.sh so the binary carries the new Seeds/.
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "seed-review")
OUT = os.path.join(ROOT, "Seeds")


def read(name):
    with open(os.path.join(SEED, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    refs = read("references.csv")
    included = [r for r in refs if r["is_included_trial"] == "yes"]
    wanted = {r["ref"] for r in included}

    # The included trials' reports, in reference order, and the study each reports.
    with open(os.path.join(SEED, "references.ris"), encoding="utf-8") as f:
        records = [block.strip("\n") for block in f.read().split("\n\n") if block.strip()]
    kept = [r for r in records if next(l for l in r.splitlines() if l.startswith("N1  - ref ")).split()[-1] in wanted]
    with open(os.path.join(OUT, "included-reports.ris"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(kept) + "\n")
    write("included-reports-studies.csv", ["ref", "study"], [[r["ref"], r["study_key"]] for r in included])

    # The previous version's published flow counts.
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
    write("characteristics.csv", ["study"] + columns, rows)

    # Table 3: one dichotomous row per printed line, treatment arm first, in two files by publication
    # year, so the demo can replay the review as it stood with the trials up to 2020 and then with all.
    header = ["study", "outcome", "label", "event_name", "year", "events_t", "n_t", "events_c", "n_c"]
    table3 = [[f"{r['study']} {r['year']}", r["category"], r["label"], r["event_name"], r["year"],
               r["events_t"], r["n_t"], r["events_c"], r["n_c"]] for r in read("ae_counts.csv")]
    write("ae-counts-to-2020.csv", header, [r for r in table3 if int(r[4]) <= 2020])
    write("ae-counts-from-2021.csv", header, [r for r in table3 if int(r[4]) > 2020])

    # Risk of bias (RoB 1) as the Results text states it: published, so final judgements.
    write("rob.csv", ["study", "domain", "judgement", "support"],
          [[r["study_key"], r["domain"], r["judgement"], f"ref {r['reference']}: {r['source']}"] for r in read("rob.csv")])

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
    print(f"wrote Seeds/: {len(kept)} reports, {len(rows)} characteristic rows", file=sys.stderr)


if __name__ == "__main__":
    main()
