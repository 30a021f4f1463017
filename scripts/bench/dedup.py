#!/usr/bin/env python3
"""De-duplication quality on the labelled benchmark sets (McKeown & Mir 2021, as bib-dedupe keeps them).

Usage: scripts/bench/dedup.py [LIVREV_BINARY] [DATA_DIR]
  (defaults: .build/release/livrev if built, else .build/debug/livrev; ../shared/dedup-benchmark)

For each NAME_records_pre_merged.csv it imports the file into a fresh registry (record i is row i),
runs `livrev dedup --dry-run --format json`, and compares the marks with NAME_merged_record_ids.csv:
  - pair level: predicted pairs are all pairs within each predicted group (a kept record and the
    records marked duplicates of it); true pairs all pairs within each labelled group;
  - record level: a marked record is right when its kept record is in its labelled group; recall is
    right marks over the records a perfect dedup would mark (group size - 1 per group).
"""
import csv
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else None
    if binary is None:
        release = os.path.join(ROOT, ".build/release/livrev")
        binary = release if os.path.exists(release) else os.path.join(ROOT, ".build/debug/livrev")
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "dedup-benchmark")
    print("| set | records | true pairs | pair precision | pair recall | record precision | record recall | dedup s |")
    print("|---|---|---|---|---|---|---|---|")
    for name in ("haematology", "respiratory"):
        records_csv = os.path.join(data, f"{name}_records_pre_merged.csv")
        with open(records_csv, encoding="utf-8-sig") as f:
            ids = [row["ID"] for row in csv.DictReader(f)]
        index = {rid: i + 1 for i, rid in enumerate(ids)}
        group_of = {}
        true_pairs = set()
        with open(os.path.join(data, f"{name}_merged_record_ids.csv"), encoding="utf-8-sig") as f:
            for g, row in enumerate(csv.DictReader(f)):
                members = sorted(index[m] for m in row["merged_ids"].split(";") if m in index)
                for m in members:
                    group_of[m] = g
                true_pairs.update(itertools.combinations(members, 2))
        work = tempfile.mkdtemp(prefix="livrev-dedup-")
        env = dict(os.environ, LIVREV_DB=os.path.join(work, "r.livrev"))
        for args in (["init", "--title", name], ["search", "add", "--source", "EndNote", "--date", "2021-01-01"],
                     ["import", "records", records_csv]):
            subprocess.run([binary] + args, env=env, check=True, capture_output=True)
        start = time.perf_counter()
        out = subprocess.run([binary, "dedup", "--dry-run", "--format", "json"], env=env, check=True,
                             capture_output=True, text=True).stdout
        seconds = time.perf_counter() - start
        marks = json.loads(out)
        groups = {}
        for mark in marks:
            groups.setdefault(mark["duplicate_of"], {mark["duplicate_of"]}).add(mark["record"])
        predicted = set()
        for members in groups.values():
            predicted.update(itertools.combinations(sorted(members), 2))
        tp = len(predicted & true_pairs)
        right = sum(1 for m in marks if m["record"] in group_of and group_of.get(m["duplicate_of"]) == group_of[m["record"]])
        should = sum(1 for _ in group_of) - len(set(group_of.values()))
        print(f"| {name} | {len(ids)} | {len(true_pairs)} | {tp / max(len(predicted), 1):.4f} | "
              f"{tp / max(len(true_pairs), 1):.4f} | {right / max(len(marks), 1):.4f} | {right / max(should, 1):.4f} | "
              f"{seconds:.2f} |")
        if os.environ.get("LIVREV_DEDUP_DEBUG"):
            by_id = {i + 1: rid for i, rid in enumerate(ids)}
            for a, b in sorted(predicted - true_pairs)[:40]:
                print("FP", by_id[a], by_id[b])
            for a, b in sorted(true_pairs - predicted)[:60]:
                print("FN", by_id[a], by_id[b])


if __name__ == "__main__":
    main()
