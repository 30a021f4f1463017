#!/usr/bin/env python3
"""Benchmarks `livrev pool` against metafor, side by side in one run, on a release build.

Usage: scripts/bench/pool.py

1. Re-pooling 20 outcomes x 100 trials with DL, Egger, Begg, fail-safe N, studentized
   residuals, Cook's distances and the prediction interval: livrev's whole process
   (`pool --all --format json`, registry read included) against metafor's compute time
   for the same work in one R session (data already loaded), median of several runs each.
2. Growth: one outcome with 10,000 rows and with 100,000 rows, `pool --outcome` with all
   of the above (whole process); the ratio should stay under 15.
Prints a Markdown table for BENCHMARKS.md. Needs R with metafor for step 1 only.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

R_SCRIPT = r"""
suppressMessages(library(metafor))
d <- read.csv(commandArgs(TRUE)[1])
work <- function() {
  for (o in unique(d$outcome)) {
    s <- d[d$outcome == o, ]
    es <- escalc("OR", ai = events_t, n1i = n_t, ci = events_c, n2i = n_c, data = s)
    fit <- rma(yi, vi, data = es, method = "DL")
    pred <- predict(fit); eg <- regtest(fit); rk <- ranktest(fit); fs <- fsn(es$yi, es$vi)
    rs <- rstudent(fit); cd <- cooks.distance(fit)
  }
}
work()
times <- replicate(5, system.time(work())[["elapsed"]])
cat(median(times), "\n")
"""


def write_data(path, outcomes, trials, seed):
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write("study,outcome,events_t,n_t,events_c,n_c\n")
        for o in range(outcomes):
            for t in range(trials):
                nt, nc = rng.randint(20, 300), rng.randint(20, 300)
                pt = rng.uniform(0.01, 0.4)
                pc = min(0.95, max(0.001, pt * rng.uniform(0.5, 1.6)))
                et = sum(rng.random() < pt for _ in range(nt))
                ec = sum(rng.random() < pc for _ in range(nc))
                f.write(f"Trial {t + 1},Outcome {o + 1},{et},{nt},{ec},{nc}\n")


def registry(binary, work, name, data):
    env = dict(os.environ, LIVREV_DB=os.path.join(work, name + ".livrev"))
    subprocess.run([binary, "init", "--title", name, "--extraction", "single"], env=env, check=True, capture_output=True)
    subprocess.run([binary, "data", "import", data], env=env, check=True, capture_output=True)
    return env


def median_time(command, env, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "livrev"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "livrev")
    work = tempfile.mkdtemp(prefix="livrev-pool-bench-")

    small = os.path.join(work, "20x100.csv")
    write_data(small, 20, 100, 1)
    env = registry(binary, work, "small", small)
    livrev_s = median_time([binary, "pool", "--all", "--format", "json"], env, 9)

    # A living registry: 20 outcomes x 100 trials, a snapshot, then every row corrected (retracted and
    # imported again): pool --all --at the early snapshot reads past the later rows and retractions, and
    # pools as much data as pool --all at the head.
    corrected = os.path.join(work, "corrected.csv")
    write_data(corrected, 20, 100, 3)
    living = dict(os.environ, LIVREV_DB=os.path.join(work, "living.livrev"))
    for args in (["init", "--title", "living", "--extraction", "single"], ["data", "import", small], ["snapshot", "create", "early"],
                 ["data", "import", corrected, "--replace"]):
        subprocess.run([binary] + args, env=living, check=True, capture_output=True)
    at_early_s = median_time([binary, "pool", "--all", "--format", "json", "--at", "early"], living, 9)
    at_head_s = median_time([binary, "pool", "--all", "--format", "json"], living, 9)
    r_script = os.path.join(work, "bench.R")
    with open(r_script, "w") as f:
        f.write(R_SCRIPT)
    metafor_s = None
    if shutil.which("Rscript"):
        out = subprocess.run(["Rscript", r_script, small], check=True, capture_output=True, text=True).stdout
        metafor_s = float(out.split()[-1])

    growth = {}
    for rows in (10_000, 100_000):
        path = os.path.join(work, f"{rows}.csv")
        write_data(path, 1, rows, 2)
        env = registry(binary, work, f"g{rows}", path)
        growth[rows] = median_time([binary, "pool", "--outcome", "Outcome 1", "--format", "json"], env, 5)

    with open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown CPU")
    print(f"machine: {cpu}, {os.cpu_count()} cores")
    print()
    print("| what | target | livrev | metafor | ratio |")
    print("|---|---|---|---|---|")
    if metafor_s is not None:
        print(f"| 20 outcomes x 100 trials, all diagnostics | ≥ 100x faster | {livrev_s * 1000:.1f} ms (whole process) "
              f"| {metafor_s * 1000:.0f} ms (compute only) | {metafor_s / livrev_s:.0f}x |")
    else:
        print(f"| 20 outcomes x 100 trials | — | {livrev_s * 1000:.1f} ms | (no R) | — |")
    print(f"| pool --all --at an early snapshot vs at head | ≤ 1.5x | {at_early_s * 1000:.1f} ms vs {at_head_s * 1000:.1f} ms | "
          f"| {at_early_s / at_head_s:.2f}x |")
    print(f"| one outcome, 10,000 rows | — | {growth[10_000] * 1000:.0f} ms | | |")
    print(f"| one outcome, 100,000 rows | ≤ 15x the 10,000-row time | {growth[100_000] * 1000:.0f} ms | | "
          f"{growth[100_000] / growth[10_000]:.1f}x |")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
