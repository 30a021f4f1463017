#!/usr/bin/env python3
"""Benchmarks issue 12's last target: big writes do not starve screeners.

Usage: scripts/bench/concurrency.py [N] [RUNS] [BINARY]
       (default N = 100000, RUNS = 3, the static-stdlib release build, which the script builds)

A registry holds 200 records that two screeners work on. While `import records` adds N synthetic
RIS records (scripts/bench/make-ris.py) in one revision, two screener processes each record
`screen decide` calls back to back (ana and ben, one decision per call, as a person would).
Each run uses a fresh registry. Reports, over the decisions whose call overlapped an import: how
many, how many failed, how many said on stderr that they were waiting, and the median, 99th
percentile and longest call (a call's whole wall time, process start included: an upper bound on
its wait for the lock), against the goal of none over 3 s; and each run's import time. Prints Markdown.
"""
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def percentile(values, share):
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if len(sys.argv) > 3:
        binary = sys.argv[3]
    else:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "livrev"], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        binary = os.path.join(ROOT, ".build", "release", "livrev")
    folder = tempfile.mkdtemp(prefix="livrev-bench-lock-")
    big = os.path.join(folder, "big.ris")
    small = os.path.join(folder, "small.ris")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench/make-ris.py"), str(n), big], check=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench/make-ris.py"), "200", small], check=True)
    subprocess.run(["sync"], check=True)
    during, imports = [], []
    for run in range(runs):
        calls, seconds, line = one_run(binary, folder, big, small, run)
        during += calls
        imports.append(seconds)
    waits = [c[1] for c in during]
    failed = [c for c in during if c[2] != 0]
    waited_notice = sum(1 for c in during if "waiting for another livrev" in c[3])
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, load average "
          f"{os.getloadavg()[0]:.2f} at the end")
    print(f"command: scripts/bench/concurrency.py {n} {runs} {os.path.relpath(binary, ROOT)}")
    print(f"import: {line}")
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| records imported in one revision | {n:,} ({runs} runs, a fresh registry each) |")
    print(f"| import wall time | {', '.join(f'{t:.2f}' for t in imports)} s (median {statistics.median(imports):.2f} s) |")
    print(f"| `screen decide` calls overlapping an import | {len(during)} |")
    print(f"| failed calls | {len(failed)} |")
    print(f"| calls that said on stderr they were waiting | {waited_notice} |")
    if waits:
        print(f"| median call | {statistics.median(waits):.3f} s |")
        print(f"| 99th percentile call | {percentile(waits, 0.99):.3f} s |")
        print(f"| longest call (goal: ≤ 3 s) | {max(waits):.3f} s |")
    for call in failed[:3]:
        print(f"failed: {call[3].strip()}", file=sys.stderr)
    if not os.environ.get("LIVREV_BENCH_KEEP"):
        subprocess.run(["rm", "-rf", folder])


def one_run(binary, folder, big, small, run):
    """One import beside two screeners; returns the calls that overlapped it, its time and its output."""
    db = os.path.join(folder, f"review-{run}.livrev")
    env = dict(os.environ, LIVREV_DB=db)
    env.pop("LIVREV_BUSY_TIMEOUT_MS", None)

    def livrev(*args, check=True):
        return subprocess.run([binary, *args], env=env, capture_output=True, text=True, check=check)

    livrev("init", "--title", "lock bench")
    livrev("reviewer", "add", "ana")
    livrev("reviewer", "add", "ben")
    livrev("search", "add", "--source", "PubMed", "--date", "2026-01-01")
    livrev("import", "records", small, "--search", "1")

    stop = threading.Event()
    calls = {"ana": [], "ben": []}

    def screener(name):
        record = 1
        while not stop.is_set() and record <= 200:
            start = time.monotonic()
            result = livrev("screen", "decide", str(record), "include", "--stage", "title-abstract", "--as", name,
                            check=False)
            calls[name].append((start, time.monotonic() - start, result.returncode, result.stderr))
            record += 1

    threads = [threading.Thread(target=screener, args=(name,)) for name in calls]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    import_start = time.monotonic()
    imported = livrev("import", "records", big, "--search", "1")
    import_end = time.monotonic()
    time.sleep(1.0)
    stop.set()
    for thread in threads:
        thread.join()

    livrev("verify")  # the import's seal, hashed beside its inserts, is what reading it back gives
    during = [c for name in calls for c in calls[name] if c[0] + c[1] >= import_start and c[0] <= import_end]
    return during, import_end - import_start, imported.stdout.strip()


if __name__ == "__main__":
    main()
