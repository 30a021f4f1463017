#!/usr/bin/env python3
"""Benchmarks screening prioritisation (issue 16) on a release build, beside ASReview.

Usage: scripts/bench/ranking.py [--seeds 535,1,2] [--no-asreview] [--skip-20k] [--registry-only]

For each labelled set in ../shared/screening-data (or LIVREV_SCREENING_DATA) and each seed:
  - `livrev simulate FILE --seed S --format json` with LIVREV_TIMING=1: WSS@95, WSS@100, recall
    after 10% / 25%, records read to the last include, the stopping rule's stop, and the CPU time
    per retrain-and-rank step;
  - when `asreview` is on PATH (and not --no-asreview): `asreview simulate FILE --prior-idx …` with
    the same prior records livrev drew, and `--seed S`, then `asreview metrics`; the CPU time of
    the simulation divided by its retrain-and-rank steps.
Then, unless --skip-20k, a synthetic 20,000-record labelled set (Zipf-distributed vocabulary,
200-word abstracts, 2% includes sharing topic words; seeded) is replayed the same way, which
gives the retrain-and-rank cost at 20,000 records; and the same records are imported into a
registry where ana has decided the first 400, and `screen next --order ranked` is timed in a new
process each time (featurising, fitting on the 400 decisions and ranking 19,600 records).
With --registry-only, just that last part (the registry and its `screen next` timings). The
binary is .build/release/livrev unless LIVREV_BINARY names another (a `--scratch-path` build's).
Prints Markdown tables for BENCHMARKS.md.
"""
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("LIVREV_SCREENING_DATA", os.path.join(os.path.dirname(ROOT), "shared", "screening-data"))
BINARY = os.environ.get("LIVREV_BINARY", os.path.join(ROOT, ".build", "release", "livrev"))


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def livrev_simulate(path, seed):
    env = dict(os.environ, LIVREV_TIMING="1")
    result = subprocess.run([BINARY, "simulate", path, "--seed", str(seed), "--format", "json"],
                            capture_output=True, text=True, env=env, check=True)
    data = json.loads(result.stdout)
    timing = re.search(r"featurise ([\d.]+) ms .*?(\d+) retrain-and-rank steps ([\d.]+) ms \(([\d.]+) ms each, (\d+) passes\), "
                       r"stopping rule ([\d.]+) ms", result.stderr)
    data["featurise_ms"] = float(timing.group(1))
    data["steps"] = int(timing.group(2))
    data["step_ms"] = float(timing.group(4))
    data["passes"] = int(timing.group(5))
    data["stop_rule_ms"] = float(timing.group(6))
    return data


def asreview_simulate(path, seed, priors, folder):
    """ASReview's default model from the same prior rows; metrics from asreview-insights."""
    stem = os.path.splitext(os.path.basename(path))[0]
    project = os.path.join(folder, f"{stem}-{seed}.asreview")
    before = cpu_of_children()
    subprocess.run(["asreview", "simulate", os.path.abspath(path), "--prior-idx", *[str(p - 1) for p in priors],
                    "--seed", str(seed), "-o", project], cwd=folder, capture_output=True, text=True, check=True)
    cpu = cpu_of_children() - before
    metrics_file = os.path.join(folder, f"{stem}-metrics-{seed}.json")
    subprocess.run(["asreview", "metrics", project, "-o", metrics_file, "--wss", "0.95", "1.0",
                    "--recall", "0.1", "0.25"], cwd=folder, capture_output=True, text=True, check=True)
    with open(metrics_file) as f:
        items = {item["id"]: item["value"] for item in json.load(f)["data"]["items"]}
    wss = dict((round(k, 2), v) for k, v in items["wss"])
    recall = dict((round(k, 2), v) for k, v in items["recall"])
    last = max(position for _, position in items["td"]) + len(priors) if items["td"] else len(priors)
    steps = last - len(priors)
    return {"wss95": wss[0.95], "wss100": wss[1.0], "recall10": recall[0.1], "recall25": recall[0.25],
            "last": last, "cpu_s": cpu, "step_ms": cpu * 1000 / max(1, steps)}


def synthetic(path, records=20000, include_rate=0.02, seed=20261202):
    """A labelled CSV whose word frequencies follow Zipf's law, like abstracts'."""
    rng = random.Random(seed)
    vocabulary = ["w%05d" % i for i in range(60000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    topic = vocabulary[3000:3060]
    with open(path, "w", encoding="utf-8") as out:
        out.write("title,abstract,label_included\n")
        for _ in range(records):
            include = rng.random() < include_rate
            words = rng.choices(vocabulary, weights, k=215)
            if include:
                words[::6] = rng.choices(topic, k=len(words[::6]))
            elif rng.random() < 0.05:
                words[::20] = rng.choices(topic, k=len(words[::20]))
            out.write(f"{' '.join(words[:15])},{' '.join(words[15:])},{1 if include else 0}\n")


def registry_screen_next(folder, runs=5):
    """`screen next --order ranked` in a new process on a 20,000-record registry with 400 decisions."""
    path = os.path.join(folder, "registry-20000.csv")
    synthetic(path)
    env = dict(os.environ, LIVREV_DB=os.path.join(folder, "bench.livrev"))

    def livrev(*args):
        return subprocess.run([BINARY, *args], env=env, capture_output=True, text=True, check=True).stdout

    livrev("init", "--title", "ranking bench")
    livrev("reviewer", "add", "ana")
    livrev("reviewer", "add", "ben")
    search = livrev("search", "add", "--source", "bench", "--date", "2026-12-01").split()[-1]
    livrev("import", "records", path, "--search", search, "--format", "csv")
    with open(path, encoding="utf-8") as f:
        labels = [line.rstrip().rsplit(",", 1)[1] == "1" for line in list(f)[1:]]
    decisions = os.path.join(folder, "decisions.csv")
    with open(decisions, "w") as out:
        out.write("record,decision\n")
        for record in range(1, 401):
            out.write(f"{record},{'include' if labels[record - 1] else 'exclude'}\n")
    livrev("screen", "import", decisions, "--stage", "title-abstract", "--as", "ana")
    # The first ranking tokenises every record into the term cache; the timed ones read it.
    before = cpu_of_children()
    start = time.perf_counter()
    livrev("screen", "next", "--stage", "title-abstract", "--as", "ana", "--order", "ranked")
    fill = ((cpu_of_children() - before) * 1000, (time.perf_counter() - start) * 1000)
    cpu, wall = [], []
    for _ in range(runs):
        before = cpu_of_children()
        start = time.perf_counter()
        livrev("screen", "next", "--stage", "title-abstract", "--as", "ana", "--order", "ranked")
        wall.append(time.perf_counter() - start)
        cpu.append(cpu_of_children() - before)
    return fill, (sorted(cpu)[runs // 2] * 1000, sorted(wall)[runs // 2] * 1000)


def mean(values):
    return sum(values) / len(values)


def main():
    args = sys.argv[1:]
    seeds = [535, 1, 2]
    if "--seeds" in args:
        seeds = [int(s) for s in args[args.index("--seeds") + 1].split(",")]
    use_asreview = "--no-asreview" not in args and shutil.which("asreview") is not None
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build -c release --static-swift-stdlib")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
          f"load average {os.getloadavg()[0]:.1f}")
    if "--registry-only" not in args:
        labelled_sets(seeds, use_asreview)
    if "--skip-20k" not in args:
        if "--registry-only" not in args:
            synthetic_replay()
        registry_table()


def labelled_sets(seeds, use_asreview):
    files = sorted(f for f in os.listdir(DATA) if f.endswith(".csv"))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name in files:
            path = os.path.join(DATA, name)
            ours, theirs = [], []
            for seed in seeds:
                run = livrev_simulate(path, seed)
                ours.append(run)
                print(f"  livrev   {name} seed {seed}: WSS@95 {run['wss95']:.3f}, {run['step_ms']:.2f} ms/step",
                      file=sys.stderr)
                if use_asreview:
                    other = asreview_simulate(path, seed, run["priors"], folder)
                    theirs.append(other)
                    print(f"  asreview {name} seed {seed}: WSS@95 {other['wss95']:.3f}, {other['step_ms']:.1f} ms/step",
                          file=sys.stderr)
            rows.append((name, ours, theirs))
    print()
    print(f"Seeds {', '.join(map(str, seeds))}; one random include and one random exclude as priors, the same "
          "records for both tools; means over the seeds.")
    print()
    print("| data set | tool | WSS@95 | WSS@100 | recall @10% | recall @25% | read to last include "
          "| stop (read, recall) | CPU ms per retrain-and-rank |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, ours, theirs in rows:
        records = ours[0]["records"]
        print(f"| {name} | livrev | {mean([r['wss95'] for r in ours]):.3f} | {mean([r['wss100'] for r in ours]):.3f} "
              f"| {mean([r['recall_at']['10'] for r in ours]):.3f} | {mean([r['recall_at']['25'] for r in ours]):.3f} "
              f"| {mean([r['screened_to_last_include'] for r in ours]):.0f} of {records} "
              f"| {mean([r['stop']['screened'] for r in ours]):.0f}, {mean([r['stop']['recall'] for r in ours]):.3f} "
              f"| {mean([r['step_ms'] for r in ours]):.2f} |")
        if theirs:
            print(f"| {name} | ASReview {asreview_version()} | {mean([r['wss95'] for r in theirs]):.3f} "
                  f"| {mean([r['wss100'] for r in theirs]):.3f} | {mean([r['recall10'] for r in theirs]):.3f} "
                  f"| {mean([r['recall25'] for r in theirs]):.3f} | {mean([r['last'] for r in theirs]):.0f} of {records} "
                  f"| – | {mean([r['step_ms'] for r in theirs]):.1f} |")
    print()
    print("Per seed, WSS@95 livrev / ASReview:")
    for name, ours, theirs in rows:
        pairs = [f"{seed}: {o['wss95']:.3f}" + (f" / {t['wss95']:.3f}" if theirs else "")
                 for seed, o, t in zip(seeds, ours, theirs or [None] * len(ours))]
        print(f"- {name}: " + "; ".join(pairs))


def synthetic_replay():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "synthetic-20000.csv")
        synthetic(path)
        run = livrev_simulate(path, 1)
        print()
        print("| synthetic set | featurise (CPU ms) | retrain-and-rank steps | CPU ms per step | stopping rule "
              "over the replay (CPU ms) | WSS@95 |")
        print("|---|---|---|---|---|---|")
        print(f"| 20,000 records, {run['includes']} includes | {run['featurise_ms']:.0f} | {run['steps']} "
              f"| {run['step_ms']:.2f} | {run['stop_rule_ms']:.0f} | {run['wss95']:.3f} |")


def registry_table():
    with tempfile.TemporaryDirectory() as folder:
        (fill_cpu, fill_wall), (cpu, wall) = registry_screen_next(folder)
        print()
        print("| registry | command (new process) | CPU ms | wall ms |")
        print("|---|---|---|---|")
        print(f"| 20,000 records, 400 decided by ana | first `screen next --stage title-abstract --as ana --order ranked` "
              f"(tokenises into the term cache, weights into the feature cache) | {fill_cpu:.0f} | {fill_wall:.0f} |")
        print(f"| 20,000 records, 400 decided by ana | later ones (feature cache read; median of 5) "
              f"| {cpu:.0f} | {wall:.0f} |")


def asreview_version():
    try:
        return subprocess.run(["asreview", "--version"], capture_output=True, text=True).stdout.strip().split()[-1]
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
