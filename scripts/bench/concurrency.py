#!/usr/bin/env python3
"""Benchmarks issue 12's last target: big writes do not starve screeners.

Usage: scripts/bench/concurrency.py [N] [BINARY]   (default N = 100000, .build/release/livrev)

A registry holds 200 records that two screeners work on. While `import records` adds N synthetic
RIS records (scripts/bench/make-ris.py) in one revision, two screener processes each record
`screen decide` calls back to back (ana and ben, one decision per call, as a person would).
Reports, for the decisions made while the import ran: how many, how many failed, the median and
the longest wait of one call, and how long the import held the registry. Prints Markdown.
"""
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    binary = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build", "release", "livrev")
    folder = tempfile.mkdtemp(prefix="livrev-bench-lock-")
    db = os.path.join(folder, "review.livrev")
    env = dict(os.environ, LIVREV_DB=db)
    env.pop("LIVREV_BUSY_TIMEOUT_MS", None)

    def livrev(*args, check=True):
        return subprocess.run([binary, *args], env=env, capture_output=True, text=True, check=check)

    big = os.path.join(folder, "big.ris")
    small = os.path.join(folder, "small.ris")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench/make-ris.py"), str(n), big], check=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench/make-ris.py"), "200", small], check=True)
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

    during = [c for name in calls for c in calls[name] if c[0] + c[1] >= import_start and c[0] <= import_end]
    waits = [c[1] for c in during]
    failed = [c for c in during if c[2] != 0]
    waited_notice = sum(1 for c in during if "waiting for another livrev" in c[3])
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(f"command: scripts/bench/concurrency.py {n} {os.path.relpath(binary, ROOT)}")
    print(f"import: {imported.stdout.strip()}")
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| records imported in one revision | {n:,} |")
    print(f"| import wall time | {import_end - import_start:.2f} s |")
    print(f"| `screen decide` calls overlapping the import | {len(during)} |")
    print(f"| failed calls | {len(failed)} |")
    print(f"| calls that said they were waiting | {waited_notice} |")
    if waits:
        print(f"| median call | {statistics.median(waits):.3f} s |")
        print(f"| longest call | {max(waits):.3f} s |")
    for call in failed[:3]:
        print(f"failed: {call[3].strip()}", file=sys.stderr)
    if not os.environ.get("LIVREV_BENCH_KEEP"):
        subprocess.run(["rm", "-rf", folder])


if __name__ == "__main__":
    main()
