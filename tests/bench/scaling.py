"""Scaling of ingest (issue 16): local Ray workers against the local process pool, and the writer's ceiling.

    python tests/bench/scaling.py [--articles 10000] [--work DIR] [--out FILE]

Generates a synthetic corpus (tests/bench/generate.py, seed 1) under DIR (default: a new temporary folder, removed
at the end) and ingests it into a fresh database, each run in a fresh process: the process pool with 1 and 2
jobs and a local Ray with 1 and 2 workers, interleaved. For each run: wall time of the ingest call (a Ray
run's start-up, model loading included, is reported apart), articles/s, and the writer's share (time inside
file transactions plus the final recount and compaction, over the wall time). Then the writer alone: the corpus
analysed first, kept in memory, and written through the same write path with nothing to wait for; its
articles/s is the ceiling of one writer, whatever the number of workers. Last, the memory of one worker
(peak RSS of a Ray actor and of a pool process after analysing files). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import generate  # tests/bench/generate.py, importable once BENCH is on the path

RUNS = [("pool", 1), ("ray", 1), ("pool", 2), ("ray", 2)]


def rss_kib(pid: int, field: str = "VmHWM") -> int:
    """Return a process's peak (VmHWM) or current (VmRSS) resident memory in KiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def one_run(mode: str, jobs: int, corpus: Path, db: Path) -> dict:
    """Ingest the corpus once in this process and return the figures (mode pool or ray)."""
    from tui.ingest import ingest

    started_ray = 0.0
    if mode == "ray":
        import ray

        t0 = time.perf_counter()
        ray.init(num_cpus=jobs, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
        started_ray = time.perf_counter() - t0
    t0 = time.perf_counter()
    summary = ingest(db, [corpus], jobs=jobs, cluster="local" if mode == "ray" else None)
    wall = time.perf_counter() - t0
    return {"mode": mode, "jobs": jobs, "wall": wall, "ray_start": started_ray, "articles": summary.articles,
            "files": summary.count("ingested"), "write": summary.write_seconds, "finish": summary.finish_seconds}


class _Replay:
    """A stand-in for the cluster pool that hands back results analysed beforehand: the writer never waits."""

    capacity = 8

    def __init__(self, results: dict) -> None:
        self.results = results

    def submit(self, name, path, data, mapping, use_source):
        """Return the ticket of a file: its name."""
        return name

    def result(self, ticket):
        """Return the stored result of a file."""
        return self.results.pop(ticket)


def writer_only(corpus: Path, db: Path) -> dict:
    """Analyse the corpus with two processes, keep the results, then time writing them alone."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from tui import ingest as orchestration
    from tui.pipeline.read import iter_files
    from tui.store import db as store_db
    from tui.store import write

    files = [p.absolute() for p in iter_files([corpus])]
    with ProcessPoolExecutor(2, mp_context=get_context("spawn"), initializer=orchestration._worker_init) as pool:
        futures = {orchestration.file_name(p): pool.submit(_analyse, orchestration.file_name(p), str(p))
                   for p in files}
        results = {name: f.result() for name, f in futures.items()}
    conn = store_db.connect(db)
    summary = orchestration.Summary()
    t0 = time.perf_counter()
    write.ensure_reference(conn, *orchestration.reference_data())
    orchestration._cluster_loop(_Replay(results), conn, files, None, False, True, summary, None)
    write.refresh_summaries(conn)
    write.compact(conn, merge=True)
    wall = time.perf_counter() - t0
    conn.conn.close()
    return {"mode": "writer", "wall": wall, "articles": summary.articles, "files": summary.count("ingested"),
            "write": summary.write_seconds, "db_bytes": db.stat().st_size}


def _analyse(name: str, path: str):
    """Analyse one file in a pool process (for writer_only)."""
    from tui.pipeline.process import analyze_file

    return analyze_file(name, path)


def memory(corpus: Path) -> dict:
    """Return the peak RSS (MiB) of a Ray worker and of a pool process after analysing 50 files."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    import ray

    from tui import cluster
    from tui import ingest as orchestration

    pages = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))[:50]
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    with cluster.AnalyserPool("local", 1) as pool:
        for page in pages:
            pool.result(pool.submit(str(page), str(page), page.read_bytes(), None, True))
        pid = ray.get(pool.workers[0].actor.ready.remote())
        ray_peak = rss_kib(pid)
    ray.shutdown()
    with ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=orchestration._worker_init) as pool:
        for page in pages:
            pool.submit(_analyse, str(page), str(page)).result()
        pool_peak = pool.submit(_peak_here).result()
    return {"ray_worker_mib": ray_peak / 1024, "pool_worker_mib": pool_peak / 1024}


def _peak_here() -> int:
    """Return this process's peak RSS in KiB."""
    import os

    return rss_kib(os.getpid())


def child(args: list[str]) -> dict:
    """Run this script's --one mode in a fresh interpreter and return its JSON."""
    out = subprocess.run([sys.executable, __file__, "--one", *args], capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(runs: list[dict], writer: dict, mem: dict, articles: int) -> str:
    """Return the Markdown report."""
    base = statistics.median(r["articles"] / r["wall"] for r in runs if r["mode"] == "pool" and r["jobs"] == 1)
    ceiling = writer["articles"] / writer["wall"]
    lines = [f"Ingest of {articles:,} synthetic articles ({runs[0]['files']:,} files), each run a fresh process.", "",
             "| run | wall | articles/s | vs pool, 1 job | writer's share | Ray start-up (apart) |",
             "|---|---|---|---|---|---|"]
    for r in runs:
        rate = r["articles"] / r["wall"]
        label = f"process pool, {r['jobs']} job(s)" if r["mode"] == "pool" else f"local Ray, {r['jobs']} worker(s)"
        start = f"{r['ray_start']:.1f} s" if r["mode"] == "ray" else ""
        lines.append(f"| {label} | {r['wall']:.0f} s | {rate:.1f} | {rate / base:.2f}× | "
                     f"{(r['write'] + r['finish']) / r['wall']:.0%} | {start} |")
    lines += ["", (f"Writer alone (results analysed beforehand, same write path, recount and compaction included): "
                   f"{writer['articles']:,} articles in {writer['wall']:.1f} s = **{ceiling:.0f} articles/s** "
                   f"(inside file transactions: {writer['articles'] / writer['write']:.0f} articles/s); database "
                   f"{writer['db_bytes'] / writer['articles'] / 1024:.1f} KiB per article."),
              (f"Peak memory of one worker after 50 files: Ray actor {mem['ray_worker_mib']:.0f} MiB, pool process "
               f"{mem['pool_worker_mib']:.0f} MiB."), ""]
    per_worker = statistics.median(r["articles"] / r["wall"] / r["jobs"] for r in runs if r["mode"] == "ray")
    lines += ["| workers | analysis alone (per-worker rate × n) | with one writer (min of that and the ceiling) |",
              "|---|---|---|"]
    for n in (8, 32, 128):
        lines.append(f"| {n} | {per_worker * n:,.0f} articles/s | {min(per_worker * n, ceiling):,.0f} articles/s |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and print (and optionally write) the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--work", type=Path, help="folder for the corpus and databases (default: a temporary one)")
    parser.add_argument("--out", type=Path, help="also write the Markdown report here")
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        mode, *rest = args.one
        if mode == "writer":
            result = writer_only(Path(rest[0]), Path(rest[1]))
        elif mode == "memory":
            result = memory(Path(rest[0]))
        else:
            result = one_run(mode, int(rest[0]), Path(rest[1]), Path(rest[2]))
        print(json.dumps(result))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="seonggwa-scaling-"))
    corpus = work / f"synthetic-{args.articles}"
    if not (corpus / generate.MANIFEST).exists():
        generate.generate(corpus, args.articles, 1, quiet=True)
    runs = []
    try:
        for mode, jobs in RUNS:
            db = work / f"{mode}-{jobs}.db"
            db.unlink(missing_ok=True)
            runs.append(child([mode, str(jobs), str(corpus), str(db)]))
            print(json.dumps(runs[-1]), file=sys.stderr)
        db = work / "writer.db"
        db.unlink(missing_ok=True)
        writer = child(["writer", str(corpus), str(db)])
        print(json.dumps(writer), file=sys.stderr)
        mem = child(["memory", str(corpus)])
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    report = table(runs, writer, mem, args.articles)
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
