#!/usr/bin/env python3
"""Benchmarks dual extraction's cost on a release build.

Usage: scripts/bench/extraction.py

One outcome with 10,000 two-arm rows (100 studies x 100 labelled rows), recorded three ways:
  single  `data import` in a single-extraction registry (rows count as imported);
  dual    the same file entered by ana and by ben, who differs on 1% of the rows (conflicts),
          so that what counts is derived from 20,000 entries by the consolidation rule;
  final   `data import --final` in a dual registry, then ben re-enters a tenth of it.
Times `pool --outcome` (all diagnostics), `data conflicts --format json` and
`agreement --extraction` (whole process, median of 5). Target: dual pool within 2x of single.
Prints a Markdown table for BENCHMARKS.md.
"""
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEADER = "study,outcome,label,events_t,n_t,events_c,n_c\n"


def rows(seed):
    rng = random.Random(seed)
    out = []
    for s in range(100):
        for r in range(100):
            nt, nc = rng.randint(20, 300), rng.randint(20, 300)
            out.append([f"Trial {s + 1}", "AE", f"r{r + 1}", rng.randint(0, nt // 3), nt, rng.randint(0, nc // 3), nc])
    return out


def write(path, table):
    with open(path, "w") as f:
        f.write(HEADER + "".join(",".join(map(str, row)) + "\n" for row in table))


def run(binary, db, *args):
    env = dict(os.environ, LIVREV_DB=db)
    subprocess.run([binary, *args], env=env, check=True, capture_output=True)


def timed(binary, db, *args, runs=5):
    env = dict(os.environ, LIVREV_DB=db)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, *args], env=env, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True,
                   capture_output=True)
    binary = os.path.join(ROOT, ".build", "release", "livrev")
    work = tempfile.mkdtemp(prefix="livrev-bench-extraction-")
    try:
        table = rows(13)
        write(os.path.join(work, "ana.csv"), table)
        rng = random.Random(14)
        ben = [row[:] for row in table]
        for row in rng.sample(ben, len(ben) // 100):
            row[3] = min(row[4], row[3] + 1)
        write(os.path.join(work, "ben.csv"), ben)
        write(os.path.join(work, "recheck.csv"), ben[: len(ben) // 10])

        single = os.path.join(work, "single.livrev")
        run(binary, single, "init", "--title", "single", "--extraction", "single")
        run(binary, single, "data", "import", os.path.join(work, "ana.csv"))
        dual = os.path.join(work, "dual.livrev")
        run(binary, dual, "init", "--title", "dual")
        for name in ("ana", "ben", "cy"):
            run(binary, dual, "reviewer", "add", name, *(["--role", "arbiter"] if name == "cy" else []))
        run(binary, dual, "data", "import", os.path.join(work, "ana.csv"), "--as", "ana")
        run(binary, dual, "data", "import", os.path.join(work, "ben.csv"), "--as", "ben")
        final = os.path.join(work, "final.livrev")
        run(binary, final, "init", "--title", "final")
        run(binary, final, "reviewer", "add", "ben")
        run(binary, final, "reviewer", "add", "cy", "--role", "arbiter")
        run(binary, final, "data", "import", os.path.join(work, "ana.csv"), "--final", "--as", "cy")
        run(binary, final, "data", "import", os.path.join(work, "recheck.csv"), "--as", "ben")

        pool = ("pool", "--outcome", "AE", "--format", "json")
        figures = {
            "single": timed(binary, single, *pool),
            "dual": timed(binary, dual, *pool),
            "final": timed(binary, final, *pool),
            "conflicts": timed(binary, dual, "data", "conflicts", "--format", "json"),
            "agreement": timed(binary, dual, "agreement", "--extraction", "--format", "json"),
        }
        print("| what | target | livrev |")
        print("|---|---|---|")
        print(f"| pool, 10,000 rows recorded (single) | — | {figures['single']:.0f} ms |")
        print(f"| pool, 10,000 rows from 20,000 entries (dual, 100 conflicts) | ≤ 2x single | "
              f"{figures['dual']:.0f} ms ({figures['dual'] / figures['single']:.2f}x) |")
        print(f"| pool, 10,000 final rows + 1,000 re-entered (10 disputed) | ≤ 2x single | "
              f"{figures['final']:.0f} ms ({figures['final'] / figures['single']:.2f}x) |")
        print(f"| data conflicts --format json (dual) | — | {figures['conflicts']:.0f} ms |")
        print(f"| agreement --extraction (dual) | — | {figures['agreement']:.0f} ms |")
    finally:
        if not os.environ.get("LIVREV_BENCH_KEEP"):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
