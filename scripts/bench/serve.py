#!/usr/bin/env python3
"""Benchmarks issue 15: `livrev serve` under 50 simulated reviewers.

Usage: scripts/bench/serve.py [--reviewers 50] [--seconds 60] [--records 10000] [--think 1.0]
       [--livrev BINARY]   (default binary .build/release/livrev)

A registry holds N synthetic records (scripts/bench/make-ris.py, run through `dedup` so that
duplicates are out of the queue) and R reviewers with passwords. `livrev serve` runs on a loopback
port; each reviewer signs in with its own session and, for the given time, asks
`GET /api/screen/next`, reads for a think time drawn uniformly from [0, 2 x --think] seconds, and
answers `POST /api/screen/decide` (include or exclude at random). A person takes 10-60 s a
record; the default mean of 1 s is a team 10-60 times faster than real, and --think 0 is a
stress test (every reviewer flat out, back to back). Reviewers run as threads spread over 5 client
processes, each with one keep-alive connection. Afterwards the server is stopped with SIGTERM and
every acknowledged decision is looked up in `livrev log --unblind`. Prints Markdown: decisions,
failed and lost ones, and p50/p99 of next and decide as the clients saw them.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROCESSES = 5


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def reviewer_loop(port, name, deadline, seed, think, out):
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def call(method, path, body=None, headers=None):
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Set-Cookie"), response.read()

    status, cookie, body = call("POST", "/api/login", json.dumps({"name": name, "password": name + "-pw"}),
                                {"Content-Type": "application/json"})
    assert status == 200, (status, body)
    csrf = json.loads(body)["csrf"]
    headers = {"Cookie": cookie.split(";")[0]}
    write = dict(headers, **{"Content-Type": "application/json", "X-CSRF-Token": csrf})
    while time.time() < deadline:
        start = time.perf_counter()
        status, _, body = call("GET", "/api/screen/next?stage=title-abstract", headers=headers)
        out["next"].append(time.perf_counter() - start)
        if status == 204:
            break
        if status != 200:
            out["failed"].append(("next", status, body[:200]))
            continue
        record = json.loads(body)["id"]
        if think > 0:
            time.sleep(rng.uniform(0, 2 * think))
        decision = "include" if rng.random() < 0.3 else "exclude"
        start = time.perf_counter()
        status, _, body = call("POST", "/api/screen/decide",
                               json.dumps({"record": record, "stage": "title-abstract", "decision": decision}), write)
        out["decide"].append(time.perf_counter() - start)
        if status == 200:
            out["acknowledged"].append((json.loads(body)["revision"], name, record, decision))
        else:
            out["failed"].append(("decide", status, body[:200]))


def client_process(port, names, deadline, think, queue):
    outs = []
    threads = []
    for index, name in enumerate(names):
        out = {"next": [], "decide": [], "acknowledged": [], "failed": []}
        outs.append(out)
        thread = threading.Thread(target=reviewer_loop, args=(port, name, deadline, int(name[1:]), think, out))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    merged = {key: [item for out in outs for item in out[key]] for key in outs[0]}
    queue.put(merged)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviewers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--livrev", default=os.path.join(ROOT, ".build", "release", "livrev"))
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="livrev-bench-serve-")
    db = os.path.join(folder, "review.livrev")
    env = dict(os.environ, LIVREV_DB=db)

    def livrev(*words, stdin=None):
        return subprocess.run([args.livrev, *words], env=env, input=stdin, capture_output=True, text=True, check=True)

    ris = os.path.join(folder, "records.ris")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench/make-ris.py"), str(args.records), ris], check=True)
    livrev("init", "--title", "serve bench")
    names = [f"r{index:02d}" for index in range(args.reviewers)]
    for name in names:
        livrev("reviewer", "add", name, "--password-stdin", stdin=name + "-pw\n")
    livrev("search", "add", "--source", "PubMed", "--date", "2026-01-10")
    livrev("import", "records", ris, "--search", "1")
    livrev("dedup")
    server = subprocess.Popen([args.livrev, "serve", "--port", "0"], env=env, stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline().strip().rsplit(":", 1)[1].rstrip("/"))
    deadline = time.time() + args.seconds
    queue = multiprocessing.Queue()
    groups = [names[index::PROCESSES] for index in range(PROCESSES)]
    clients = [multiprocessing.Process(target=client_process, args=(port, group, deadline, args.think, queue)) for group in groups]
    began = time.time()
    for client in clients:
        client.start()
    results = [queue.get() for _ in clients]
    for client in clients:
        client.join()
    elapsed = time.time() - began
    server.send_signal(15)
    server.wait(timeout=60)
    merged = {key: [item for result in results for item in result[key]] for key in results[0]}
    log = json.loads(livrev("log", "--unblind", "--format", "json").stdout)
    by_revision = {entry["revision"] if "revision" in entry else entry.get("id"): entry for entry in log}
    lost = []
    for revision, name, record, decision in merged["acknowledged"]:
        entry = by_revision.get(revision)
        expected = f"screen decide {record} {decision} --stage title-abstract --as {name}"
        if entry is None or entry.get("reviewer") != name or expected not in entry.get("command", ""):
            lost.append((revision, name, record))
    pairs = [(name, record) for _, name, record, _ in merged["acknowledged"]]
    votes_per_record = {}
    for _, record in pairs:
        votes_per_record[record] = votes_per_record.get(record, 0) + 1
    ms = lambda seconds: f"{seconds * 1000:.1f}"
    print(f"livrev serve, {args.reviewers} reviewers, {args.seconds:.0f} s, {args.records} records, "
          f"think time mean {args.think} s "
          f"({platform.machine()}, {os.cpu_count()} cores, server exit {server.returncode})\n")
    print("| decisions acknowledged | per second | failed | lost | records with > 2 votes |"
          " next p50 / p99 ms | decide p50 / p99 ms |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(merged['acknowledged'])} | {len(merged['acknowledged']) / elapsed:.0f} | {len(merged['failed'])} "
          f"| {len(lost)} | {sum(1 for count in votes_per_record.values() if count > 2)} "
          f"| {ms(percentile(merged['next'], 50))} / {ms(percentile(merged['next'], 99))} "
          f"| {ms(percentile(merged['decide'], 50))} / {ms(percentile(merged['decide'], 99))} |")
    if merged["failed"]:
        print("\nfirst failures:", merged["failed"][:5])
    if lost:
        print("\nfirst lost:", lost[:5])
    return 1 if lost or merged["failed"] or server.returncode != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
