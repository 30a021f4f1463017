#!/usr/bin/env python3
"""Benchmarks the registry targets of the foundation issue on a release build.

Usage: scripts/bench/registry.py [N]   (default N = 100000 records)

Measures, on one machine in one run:
  - import of N synthetic RIS records (~1.5 KB each) into a fresh registry: records/s and peak
    memory (max RSS), median of five imports (the file is written and synced to disk first);
  - dedup of those records;
  - screen import of title-abstract decisions by two reviewers for every unique record and
    full-text decisions for the 10% both include, then `prisma` and `screen next` over N records
    and over 2N decisions (median of several runs each).
Prints a Markdown table for BENCHMARKS.md. LIVREV_BENCH_KEEP=1 keeps the registry for profiling;
LIVREV_BINARY names a binary to measure instead of building .build/release/livrev (a
`--scratch-path` build's).
"""
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(binary, args, env, capture=True):
    """Runs livrev once; returns (seconds, max RSS of this child in MB, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run([binary] + args, env=env, capture_output=capture, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"livrev {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far; measure with /usr/bin/time for precision.
    return elapsed, before, proc.stdout


def peak_rss_mb(binary, args, env):
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %e", binary] + args, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"livrev {' '.join(args)} failed: {proc.stderr}")
    kb, seconds = proc.stderr.strip().splitlines()[-1].split()
    return int(kb) / 1024, float(seconds), proc.stdout


def median_time(binary, args, env, runs=7):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary] + args, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    binary = os.environ.get("LIVREV_BINARY")
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "livrev"], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        binary = os.path.join(ROOT, ".build", "release", "livrev")
    work = tempfile.mkdtemp(prefix="livrev-bench-")
    env = dict(os.environ, LIVREV_DB=os.path.join(work, "bench.livrev"))
    ris = os.path.join(work, "records.ris")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench/make-ris.py"), str(n), ris], check=True)
    size_mb = os.path.getsize(ris) / 1e6

    imports = []
    for attempt in range(5):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(env["LIVREV_DB"] + suffix):
                os.remove(env["LIVREV_DB"] + suffix)
        os.sync()  # the generator's (or the last registry's) writeback must not land inside the import
        run(binary, ["init", "--title", "bench"], env)
        run(binary, ["reviewer", "add", "ana"], env)
        run(binary, ["reviewer", "add", "ben"], env)
        run(binary, ["search", "add", "--source", "Synthetic", "--date", "2026-01-01"], env)
        imports.append(peak_rss_mb(binary, ["import", "records", ris, "--search", "1"], env))
    import_s = statistics.median(seconds for _, seconds, _ in imports)
    rss = max(mb for mb, _, _ in imports)
    dedup_rss, dedup_s, dedup_out = peak_rss_mb(binary, ["dedup"], env)

    # Two reviewers decide every record that is not a duplicate; ben leaves the last 1,000 for `screen next`.
    listing = subprocess.run([binary, "records", "list", "--format", "csv"], env=env, capture_output=True,
                             text=True, check=True).stdout.splitlines()[1:]
    ids = [line.split(",")[0] for line in listing if line.endswith(",awaiting-title-abstract")]
    for reviewer, count in (("ana", len(ids)), ("ben", len(ids) - 1000)):
        path = os.path.join(work, f"{reviewer}.csv")
        with open(path, "w") as f:
            f.write("record,decision\n")
            for i, record in enumerate(ids[:count]):
                f.write(f"{record},{'include' if i % 10 == 0 else 'exclude'}\n")
        start = time.perf_counter()
        run(binary, ["screen", "import", path, "--stage", "title-abstract", "--as", reviewer], env)
        screen_import_s = time.perf_counter() - start
    # Full text for the records both included (every tenth): ana decides all, ben all but the last 100.
    included = ids[:len(ids) - 1000:10]
    for reviewer, count in (("ana", len(included)), ("ben", len(included) - 100)):
        path = os.path.join(work, f"{reviewer}-ft.csv")
        with open(path, "w") as f:
            f.write("record,decision,reason\n")
            for i, record in enumerate(included[:count]):
                f.write(f"{record},include,\n" if i % 4 == 0 else f"{record},exclude,wrong population\n")
        run(binary, ["screen", "import", path, "--stage", "full-text", "--as", reviewer], env)
    decisions = len(ids) * 2 - 1000 + len(included) * 2 - 100

    prisma_s = median_time(binary, ["prisma", "--format", "json"], env)
    # The first ranked `screen next` tokenises every record into the term cache; later ones read it.
    start = time.perf_counter()
    run(binary, ["screen", "next", "--stage", "title-abstract", "--as", "ben"], env)
    first_next_s = time.perf_counter() - start
    next_s = median_time(binary, ["screen", "next", "--stage", "title-abstract", "--as", "ben"], env)
    next_imported_s = median_time(binary, ["screen", "next", "--stage", "title-abstract", "--as", "ben", "--order", "imported"], env)
    next_ft_s = median_time(binary, ["screen", "next", "--stage", "full-text", "--as", "ben"], env)
    noop_s = median_time(binary, ["--version"], env)
    # snapshot create: the command's own time (LIVREV_TIMING), apart from process start and opening.
    snapshot_ms = []
    for i in range(7):
        proc = subprocess.run([binary, "snapshot", "create", f"bench-{i}"], env=dict(env, LIVREV_TIMING="1"),
                              capture_output=True, text=True, check=True)
        snapshot_ms.append(float(proc.stderr.split("command ")[1].split(" ms")[0]))

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    print(f"machine: {cpu}, {os.cpu_count()} cores; N = {n} records ({size_mb:.0f} MB RIS), {decisions} decisions")
    print()
    print("| what | target | measured |")
    print("|---|---|---|")
    runs = ", ".join(f"{seconds:.2f}" for _, seconds, _ in imports)
    print(f"| import {n} RIS records | ≥ 50,000 records/s, < 150 MB | {n / import_s:,.0f} records/s ({import_s:.2f} s, median of 5; runs {runs} s), peak RSS {rss:.0f} MB |")
    print(f"| dedup {n} records | < 3 s | {dedup_s:.2f} s (peak RSS {dedup_rss:.0f} MB; {dedup_out.strip().splitlines()[-1]}) |")
    print(f"| screen import {len(ids) - 1000} decisions | — | {screen_import_s:.2f} s |")
    print(f"| prisma over {n} records, {decisions} decisions | < 100 ms | {prisma_s * 1000:.0f} ms (median of 7) |")
    print(f"| screen next (title-abstract, 1,000 left), first ranked (fills the term cache) | — | {first_next_s * 1000:.0f} ms |")
    print(f"| screen next (title-abstract, 1,000 left), ranked | < 20 ms | {next_s * 1000:.1f} ms (median of 7) |")
    print(f"| screen next (title-abstract, 1,000 left), `--order imported` | < 20 ms | {next_imported_s * 1000:.1f} ms (median of 7) |")
    print(f"| screen next (full-text, 100 left) | < 20 ms | {next_ft_s * 1000:.1f} ms (median of 7) |")
    print(f"| snapshot create (the command, without process start) | < 5 ms | {statistics.median(snapshot_ms):.2f} ms (median of 7) |")
    print(f"| process start (`livrev --version`) | — | {noop_s * 1000:.1f} ms |")
    if os.environ.get("LIVREV_BENCH_KEEP"):
        print(f"registry kept: {env['LIVREV_DB']}", file=sys.stderr)
    else:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
